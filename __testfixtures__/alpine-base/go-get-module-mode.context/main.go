package main

import "github.com/gorilla/mux"

func main() { _ = mux.NewRouter() }
