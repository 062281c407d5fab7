package main

import (
	"database/sql"
	"log"
	"os"
	"path"

	_ "modernc.org/sqlite"
)

func main() {
	hostname, _ := os.Hostname()
	dbPath := path.Join(os.TempDir(), hostname+".db")
	db, err := sql.Open("sqlite", dbPath)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
}
