#!/bin/sh
set -e
if [ -n "$EXTRA_PACKAGES" ]; then
  apt-get update && apt-get install -y $EXTRA_PACKAGES
fi
/usr/local/bin/setup.sh
exec "$@"
