#!/bin/bash
set -euo pipefail
if [ "${1:-}" = 'gunicorn' ]; then
	python manage.py migrate --noinput
fi
exec "$@"
