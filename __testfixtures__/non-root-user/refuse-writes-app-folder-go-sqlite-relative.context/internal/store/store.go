package store

import (
	"github.com/jmoiron/sqlx"
	_ "github.com/mattn/go-sqlite3"
)

func Open(filename string) (*sqlx.DB, error) {
	return sqlx.Connect("sqlite3", filename)
}
