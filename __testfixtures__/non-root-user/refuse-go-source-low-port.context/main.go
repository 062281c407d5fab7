package main

import (
	"log"
	"net/http"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("hello")) })
	log.Print("listening on :80")
	log.Fatal(http.ListenAndServe(":80", nil))
}
