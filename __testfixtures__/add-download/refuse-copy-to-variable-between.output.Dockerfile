FROM python:3.12
ARG CONF_DIR=/etc/app
ADD https://example.com/data.tar.gz /tmp/data.tar.gz
COPY conf/ ${CONF_DIR}/
RUN tar -xzf /tmp/data.tar.gz -C /srv && rm /tmp/data.tar.gz
