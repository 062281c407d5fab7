package main

import "example.com/links/internal/store"

func main() {
	store.Migrate("migrate.db")
}
