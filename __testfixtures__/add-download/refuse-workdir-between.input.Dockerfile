FROM python:3.12
WORKDIR /tmp
ADD https://example.com/data.tar.gz data.tar.gz
WORKDIR /srv
RUN tar -xzf /tmp/data.tar.gz && rm /tmp/data.tar.gz
