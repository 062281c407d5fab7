#!/bin/bash
set -eo pipefail

case "$1" in
  driver)
    shift 1
    CMD=(
      "$SPARK_HOME/bin/spark-submit"
      --deploy-mode client
      "$@"
    )
    exec /usr/bin/tini -s -- "${CMD[@]}"
    ;;
  *)
    exec "$@"
    ;;
esac
