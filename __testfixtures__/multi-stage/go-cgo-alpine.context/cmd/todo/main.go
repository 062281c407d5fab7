package main

import (
	"database/sql"
	"net/http"

	_ "github.com/mattn/go-sqlite3"
)

func main() {
	sql.Open("sqlite3", "/data/todo.db")
	http.Get("https://api.example.com/sync")
}
