package main

import (
	"fmt"

	"example.com/app/version"
)

func main() { fmt.Println(version.Commit()) }
