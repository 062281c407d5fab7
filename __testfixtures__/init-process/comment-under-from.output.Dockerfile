FROM python:3.12-alpine
# https://github.com/docker-library/python

RUN apk add --no-cache tini
ENV PYTHONUNBUFFERED=1

COPY requirements.txt entrypoint.sh /
RUN pip install --no-cache-dir -r /requirements.txt

ENTRYPOINT ["/sbin/tini", "--", "/entrypoint.sh"]
