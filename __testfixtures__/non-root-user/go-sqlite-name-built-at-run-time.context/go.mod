module example.com/server

go 1.25

require modernc.org/sqlite v1.38.0
