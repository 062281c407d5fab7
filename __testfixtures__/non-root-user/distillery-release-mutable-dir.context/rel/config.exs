use Distillery.Releases.Config,
  default_release: :hello,
  default_environment: Mix.env()

release :hello do
  set version: current_version(:hello)
end
