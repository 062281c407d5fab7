package main

import (
	"log"

	"github.com/gofiber/fiber/v2"
	"tailscale.com/tsnet"
)

func main() {
	ts := &tsnet.Server{Hostname: "admin"}
	go ts.Listen("tcp", ":8443")
	app := fiber.New()
	log.Fatal(app.Listen(":80"))
}
