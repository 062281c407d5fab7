#!/bin/bash
cd "$(dirname "$0")/.."
echo "Booting..."
./venv/bin/gunicorn --bind 0.0.0.0:5000 'wsgi:app()'
