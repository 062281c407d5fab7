#!/bin/bash -e

EXTENSIONS_VOLUME="${EXTENSIONS_VOLUME:-/opt/extensions}"

mkdir -p "$EXTENSIONS_VOLUME"
cd "$EXTENSIONS_VOLUME"
curl --location --remote-name "$EXTENSION_URL"
