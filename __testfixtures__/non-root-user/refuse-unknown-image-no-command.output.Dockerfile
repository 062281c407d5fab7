# syntax=docker/dockerfile:1

FROM ghcr.io/linuxserver/baseimage-alpine:3.23

RUN \
  apk add --no-cache \
    icu-libs \
    sqlite-libs && \
  mkdir -p /app/sonarr/bin

COPY root/ /

EXPOSE 8989

VOLUME /config
