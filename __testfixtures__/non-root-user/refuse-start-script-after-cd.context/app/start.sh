#!/bin/sh
set -e
apt-get update && apt-get install -y --no-install-recommends curl
exec python server.py
