#!/usr/bin/env bash
# The default entrypoint of the client image: images built on it name what runs.
set -e

if [ -f ~/.bashrc ]; then
  . ~/.bashrc
fi

if [ -z "$*" ]; then
  exec bash --login
else
  exec "$@"
fi
