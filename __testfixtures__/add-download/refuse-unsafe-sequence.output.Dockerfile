FROM python:3.12
ADD https://example.com/data.tar.gz /tmp/
RUN tar -xzf /tmp/data.tar.gz -C /srv; rm /tmp/data.tar.gz
