package main

import (
	"log"
	"net/http"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	log.Fatal(srv.ListenAndServe())
}
