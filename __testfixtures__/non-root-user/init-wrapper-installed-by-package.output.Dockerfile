FROM alpine:3.20
RUN apk add --no-cache nodejs dumb-init
WORKDIR /app
COPY start.sh server.js /app/
RUN addgroup -S -g 10001 app && adduser -S -D -u 10001 -G app app
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["/usr/bin/dumb-init", "--"]
CMD ["/app/start.sh"]
