#!/bin/bash
set -eo pipefail

if [ "$(id -u)" = "0" ]; then
    USER="$(id -u clickhouse)"
    GROUP="$(id -g clickhouse)"
else
    USER="$(id -u)"
    GROUP="$(id -g)"
fi

# No arguments, or only server options: start the server.
if [[ $# -lt 1 ]] || [[ "$1" == "--"* ]]; then
    exec /usr/bin/clickhouse su "${USER}:${GROUP}" /usr/bin/clickhouse-server --config-file=/etc/clickhouse-server/config.xml "$@"
fi

exec "$@"
