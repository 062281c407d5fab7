# syntax=docker/dockerfile:1

FROM ghcr.io/hotio/base:alpinevm

RUN \
  apk add --no-cache \
    icu-libs \
    sqlite-libs && \
  mkdir -p /app/sonarr/bin

COPY root/ /

EXPOSE 8989

VOLUME /config
