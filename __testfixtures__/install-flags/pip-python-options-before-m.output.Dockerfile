FROM python:3.12
RUN python3 -Im pip install --no-cache-dir flask
RUN python -W ignore -m pip install --no-cache-dir gunicorn
