package main

import (
	"embed"

	"github.com/gin-gonic/gin"
)

//go:embed migrations
var migrations embed.FS

func main() {
	r := gin.Default()
	r.LoadHTMLGlob("templates/*")
	r.Static("/assets", "./assets")
	r.GET("/", func(c *gin.Context) { c.HTML(200, "index.tmpl", nil) })
	r.Run(":8080")
}
