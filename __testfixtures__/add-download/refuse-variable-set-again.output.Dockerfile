FROM python:3.12
ARG DATA_VERSION=1.2.3
ADD https://example.com/data-${DATA_VERSION}.tar.gz /tmp/data.tar.gz
ENV DATA_VERSION=2.0.0
RUN tar -xzf /tmp/data.tar.gz -C /srv && rm /tmp/data.tar.gz
