FROM alpine:3.19
RUN set -eux; \
    apk update; \
    apk add --virtual .build-deps \
        gcc \
        musl-dev; \
    make; \
    apk del .build-deps
