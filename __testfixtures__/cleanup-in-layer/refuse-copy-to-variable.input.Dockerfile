FROM debian:12
ARG WORK=/tmp/build
RUN apt-get update && apt-get install -y --no-install-recommends make gcc
COPY src/ $WORK/
RUN apt-get clean && rm -rf /tmp/*
