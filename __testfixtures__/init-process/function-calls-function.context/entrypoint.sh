#!/bin/sh
set -e

setup() {
  mkdir -p /run/app
}

# Defined after main, which only calls it when it runs.
main() {
  setup
  start_server "$@"
}

start_server() {
  exec "$@"
}

main "$@"
