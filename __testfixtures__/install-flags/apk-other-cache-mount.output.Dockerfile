# syntax=docker/dockerfile:1
FROM alpine:3.19
RUN --mount=type=cache,target=/root/.cache/go-build \
    apk add --no-cache git
