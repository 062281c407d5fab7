#!/bin/sh -e
set -- /usr/bin/restic "$@"
exec nice -n "${NICE:-0}" "$@"
