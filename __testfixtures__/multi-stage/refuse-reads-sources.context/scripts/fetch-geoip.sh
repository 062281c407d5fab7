#!/bin/sh
# Download the GeoLite2 database into the folder given.
mkdir -p "$1" && curl -fsSL -o "$1/GeoLite2-City.mmdb" "$GEOIP_URL"
