module example.com/restic

go 1.23
