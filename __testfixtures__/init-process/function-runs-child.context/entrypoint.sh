#!/bin/sh
set -e

main() {
	python manage.py migrate --noinput
	gunicorn app:app
}

main "$@"
