FROM alpine:3.20
RUN for repo in main community; do apk cache clean; apk update; done \
    && apk add --no-cache openssl
