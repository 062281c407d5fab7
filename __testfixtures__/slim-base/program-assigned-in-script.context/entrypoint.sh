#!/bin/sh
set -e
PYTHON="${VIRTUAL_ENV}/bin/python"
$PYTHON -m app.migrate
exec "$@"
