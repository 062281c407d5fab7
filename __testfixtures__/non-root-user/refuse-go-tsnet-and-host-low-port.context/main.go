package main

import (
	"log"
	"net"
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
	host, _ := net.Listen("tcp", ":443")
	log.Fatal(http.Serve(host, nil))
}
