module github.com/docker/awesome-compose/nginx-golang-postgres/backend

go 1.22

require github.com/lib/pq v1.10.9
