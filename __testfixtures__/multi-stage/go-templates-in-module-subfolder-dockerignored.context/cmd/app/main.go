package main

import "html/template"

func main() { template.Must(template.ParseGlob("templates/*.html")) }
