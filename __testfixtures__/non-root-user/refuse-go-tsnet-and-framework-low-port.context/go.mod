module example.com/server

go 1.25

require tailscale.com v1.86.0
