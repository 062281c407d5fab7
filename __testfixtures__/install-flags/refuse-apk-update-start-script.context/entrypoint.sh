#!/bin/sh
set -e
# optional packages, installed when the container starts
if [ -n "$EXTRA_PACKAGES" ]; then
  apk add $EXTRA_PACKAGES
fi
exec "$@"
