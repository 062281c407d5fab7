package main

import "os"

func main() {
	db, _ := os.Open("geoip/GeoLite2-City.mmdb")
	defer db.Close()
}
