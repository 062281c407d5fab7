# Removing the build tools with apt-get autoremove: apk del already takes the dependencies nothing needs.
FROM python:3.12-slim

RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential \
    && pip install --no-cache-dir uwsgi \
    && apt-get purge -y --auto-remove build-essential \
    && apt-get autoremove -y \
    && rm -rf /var/lib/apt/lists/*

CMD ["uwsgi", "--ini", "/app/uwsgi.ini"]
