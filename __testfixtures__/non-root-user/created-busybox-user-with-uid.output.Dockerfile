FROM alpine:3.20

RUN addgroup -S -g 1001 app && adduser -S -D -u 1001 -G app app

COPY --chown=app:app server /usr/local/bin/server
USER 1001:1001

ENTRYPOINT ["/usr/local/bin/server"]
