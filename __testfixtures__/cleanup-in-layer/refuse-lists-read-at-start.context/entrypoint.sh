#!/bin/sh
set -e
# optional packages, installed when the container starts
if [ -n "$EXTRA_PACKAGES" ]; then
  apt-get install -y --no-install-recommends $EXTRA_PACKAGES
fi
exec "$@"
