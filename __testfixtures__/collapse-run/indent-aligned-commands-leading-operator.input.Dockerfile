FROM alpine:3.20
RUN    apk add --no-cache git openssh-client \
    && git --version
RUN    adduser -D builder
RUN    mkdir -p /home/builder/.ssh
