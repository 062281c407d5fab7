#!/bin/sh
# waits until host:port answers, then runs the command after --
hostport="$1"; shift
until nc -z "${hostport%%:*}" "${hostport##*:}"; do sleep 1; done
[ "$1" = "--" ] && shift
exec "$@"
