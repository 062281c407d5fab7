module github.com/juanfont/headscale

go 1.25

require github.com/docker/docker v28.5.1+incompatible
