#!/bin/sh
exec /app/venv/bin/gunicorn app:app
