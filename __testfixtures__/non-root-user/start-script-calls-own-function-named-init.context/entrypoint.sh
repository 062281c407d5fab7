#!/bin/sh
set -e

init() {
  mkdir -p /tmp/app-cache
}

init
exec node server.js "$@"
