#!/bin/sh
set -e

if [ "$1" = "worker" ]; then
  exec celery -A app worker --loglevel=info
fi

python manage.py migrate --noinput
gunicorn app.wsgi:application --bind 0.0.0.0:8000
