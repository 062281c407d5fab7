FROM python:3.12-alpine
RUN pip install --no-cache flask && pip install --no-ca gunicorn
RUN apk add --no-network --repositories-file /dev/null /pkgs/tool.apk
RUN apt-get install -y --only-upgrade openssl
