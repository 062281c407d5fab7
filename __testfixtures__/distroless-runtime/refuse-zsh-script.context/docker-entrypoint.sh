#!/usr/bin/env zsh
set -e
exec "$@"
