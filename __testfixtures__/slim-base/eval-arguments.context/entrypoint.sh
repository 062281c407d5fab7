#!/bin/sh
set -e
JAVA_OPTS="${JAVA_OPTS:--Xmx512m}"
export JAVA_OPTS
eval "$@"
