#!/bin/sh
wait_for_db() {
  if nc -z db 5432; then
    start "$@"
  else
    sleep 1
  fi
  start "$@"
}

start() {
  wait_for_db "$@"
}

start "$@"
