#!/bin/sh
set -e
# The vendor's entrypoint is not in the build: it may exec the command, or run it as a child.
. /opt/vendor/docker-entrypoint.sh
echo "stopped"
