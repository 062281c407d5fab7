#!/bin/bash
set -e
if [[ "$1" = zkServer.sh ]]; then
  mkdir -p "$ZOO_DATA_DIR"
fi
exec "$@"
