#!/bin/sh
set -e
exec node server.js
