# syntax=docker/dockerfile:1
FROM alpine:3.19
RUN --mount=type=cache,target=/etc/apk/cache \
    apk add git
