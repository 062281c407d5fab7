FROM alpine:3.20
RUN    apk add --no-cache git openssh-client \
    && git --version \
    && adduser -D builder \
    && mkdir -p /home/builder/.ssh
