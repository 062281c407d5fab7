package main

import (
	"net/http"

	"github.com/h2non/bimg"
)

func main() {
	http.HandleFunc("/thumb", func(w http.ResponseWriter, r *http.Request) {
		out, _ := bimg.NewImage(nil).Thumbnail(200)
		w.Write(out)
	})
	http.ListenAndServe(":8080", nil)
}
