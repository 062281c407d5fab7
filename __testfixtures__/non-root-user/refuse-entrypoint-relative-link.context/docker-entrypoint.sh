#!/bin/bash
set -e
if [ "$(id -u)" = "0" ]; then
  chown -R couchdb:couchdb /opt/couchdb
  exec gosu couchdb "$@"
fi
exec "$@"
