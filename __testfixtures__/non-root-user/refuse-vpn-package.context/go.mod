module example.com/vpn

go 1.22
