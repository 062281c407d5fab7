package main

import (
	"log"
	"net/http"

	"example.com/links/internal/store"
)

func main() {
	// the database lives next to the binary
	db, err := store.Open("links.sqlite")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(http.ListenAndServe(":8080", store.Handler(db)))
}
