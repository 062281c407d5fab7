#!/bin/sh
set -e
if [ -n "$EXTRA_PACKAGES" ]; then
  apk add --no-cache $EXTRA_PACKAGES
fi
exec python3 app.py
