package main

import (
	"log"
	"net/http"
)

// Runs on the edge host, in front of the server: not in this image.
func main() {
	log.Fatal(http.ListenAndServe(":80", http.RedirectHandler("https://example.com", http.StatusMovedPermanently)))
}
