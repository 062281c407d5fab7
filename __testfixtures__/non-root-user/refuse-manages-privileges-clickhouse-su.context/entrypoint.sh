#!/bin/bash
set -eo pipefail

CLICKHOUSE_UID="${CLICKHOUSE_UID:-"$(id -u clickhouse)"}"
CLICKHOUSE_GID="${CLICKHOUSE_GID:-"$(id -g clickhouse)"}"

# The server runs as the clickhouse user: `clickhouse su` switches to it as gosu would.
exec /usr/bin/clickhouse su "${CLICKHOUSE_UID}:${CLICKHOUSE_GID}" "$@"
