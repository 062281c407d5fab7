FROM alpine:3.19
RUN set -eux; \
    apk add --no-cache --virtual .build-deps \
        gcc \
        musl-dev; \
    make; \
    apk del .build-deps
