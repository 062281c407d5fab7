#!/bin/sh
set -e
# a start script that installs with its own index, and one that runs apk del
if [ -n "$EXTRA_PACKAGES" ]; then
  apk add --no-cache $EXTRA_PACKAGES
fi
[ -z "$DROP" ] || apk del $DROP
exec "$@"
