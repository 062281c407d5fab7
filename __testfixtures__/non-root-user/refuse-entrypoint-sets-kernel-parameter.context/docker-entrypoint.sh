#!/bin/sh
set -e
# OpenSearch wants more memory maps than the default.
sysctl -w vm.max_map_count=262144
exec "$@"
