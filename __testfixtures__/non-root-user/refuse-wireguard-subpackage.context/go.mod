module example.com/wgmanager

go 1.23
