module github.com/example/api

go 1.15

require github.com/gorilla/mux v1.8.0
