module example.com/headscale

go 1.22

require github.com/docker/docker v26.1.4+incompatible
