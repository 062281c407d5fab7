# syntax=docker/dockerfile:1
FROM alpine:3.19
RUN apk add --no-cache bash
RUN <<EOT
set -e
echo hello > /hello
EOT
RUN cat /hello
