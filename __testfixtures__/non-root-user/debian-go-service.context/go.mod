module github.com/docker/awesome-compose/backend

go 1.22
