FROM alpine:3.20
RUN apk add --no-cache tini
# build-only packages, deleted again; and one installed only on request
RUN apk add --no-cache --virtual .build-deps gcc musl-dev && make -C /usr/src/tool && apk del .build-deps
ARG WITH_CURL
RUN if [ -n "$WITH_CURL" ]; then apk add --no-cache curl; fi
RUN apk add --no-cache ./vendor/tool.apk
USER nobody
RUN apk add --no-cache jq || true
ENTRYPOINT ["/sbin/tini", "--"]
CMD crond -d 6; httpd -D FOREGROUND
