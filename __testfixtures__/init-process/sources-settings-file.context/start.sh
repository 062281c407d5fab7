#!/bin/sh
. /venv/bin/activate
python app.py
