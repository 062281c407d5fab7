# Removing the build tools with apt-get autoremove: apk del already takes the dependencies nothing needs.
FROM python:3.12-alpine

RUN apk add --no-cache build-base \
    && pip install --no-cache-dir uwsgi \
    && apk del build-base

CMD ["uwsgi", "--ini", "/app/uwsgi.ini"]
