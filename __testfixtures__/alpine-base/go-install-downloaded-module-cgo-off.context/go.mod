module github.com/photoprism/photoprism

go 1.24

require (
	github.com/davidbyttow/govips/v2 v2.16.0
	github.com/mattn/go-sqlite3 v1.14.28
)
