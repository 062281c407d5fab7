#!/bin/sh
set -e
git clone --depth 1 git@github.com:acme/config.git /config
exec "$@"
