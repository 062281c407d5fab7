#!/bin/sh
set -e
node /srv/app/server.js
