FROM alpine:3.20
RUN apk add --no-cache curl shadow \
    && apk cache clean \
    && apk add --no-cache openssl
