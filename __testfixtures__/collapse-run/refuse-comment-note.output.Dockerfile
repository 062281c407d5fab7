FROM alpine:3.19
# tools for the build
RUN apk add --no-cache git make
# the user the service runs as
# (no login shell)
RUN adduser -D -s /sbin/nologin app
USER app
