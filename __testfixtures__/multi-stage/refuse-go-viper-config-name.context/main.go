package main

import (
	"log"
	"os"

	"github.com/spf13/viper"
)

func main() {
	viper.SetConfigName(os.Getenv("APP_CONFIG"))
	viper.AddConfigPath(".")
	if err := viper.ReadInConfig(); err != nil {
		log.Fatal(err)
	}
}
