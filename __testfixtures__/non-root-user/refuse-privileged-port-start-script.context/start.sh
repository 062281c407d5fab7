#!/bin/sh
set -e
python manage.py migrate --noinput
./wait-for-it.sh db:5432 -t 30
exec gunicorn --bind 0.0.0.0:80 --workers 3 app.wsgi
