FROM debian:bookworm-slim AS debian
RUN adduser --system --uid 100000 --disabled-password --gecos '' app

FROM alpine:3.20 AS alpine
RUN addgroup -S -g 100000 app && adduser -S -D -u 100000 -G app app

FROM ${BASE_IMAGE} AS unknown
RUN adduser -u 100000 app

FROM busybox:1.36
RUN adduser -D -u 100000 app
USER app
