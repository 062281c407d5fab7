#!/bin/sh
set -e
python manage.py collectstatic --noinput
exec gunicorn --bind 0.0.0.0:8000 mysite.wsgi
