package main

import (
	"html/template"
	"log"
	"net/http"
)

var templates = template.Must(template.New("").ParseGlob("templates/*.html"))

func main() {
	http.Handle("/static/", http.StripPrefix("/static/", http.FileServer(http.Dir("./static/"))))
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		templates.ExecuteTemplate(w, "home", nil)
	})
	log.Fatal(http.ListenAndServe(":8080", nil))
}
