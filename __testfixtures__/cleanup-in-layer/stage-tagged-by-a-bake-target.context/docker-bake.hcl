group "default" {
  targets = ["app"]
}

target "app" {
  dockerfile = "stage-tagged-by-a-bake-target.Dockerfile"
  target = "app"
  tags = ["example/app:latest"]
  args = {
    DEBIAN_FRONTEND = "noninteractive"
  }
}

target "lint" {
  dockerfile = "stage-tagged-by-a-bake-target.Dockerfile"
  target = "lint"
}
