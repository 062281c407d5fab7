defmodule Hello.MixProject do
  use Mix.Project
  def project, do: [app: :hello, version: "0.1.0", deps: [{:distillery, "~> 2.1"}]]
end
