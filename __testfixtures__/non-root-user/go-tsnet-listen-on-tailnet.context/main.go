package main

import (
	"log"
	"net/http"

	"tailscale.com/tsnet"
)

func main() {
	tsNode := &tsnet.Server{Hostname: "tailsql"}
	lst, err := tsNode.Listen("tcp", ":80")
	if err != nil {
		log.Fatal(err)
	}
	go http.Serve(lst, nil)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
