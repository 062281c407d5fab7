FROM alpine:3.20
RUN apk add --no-cache nodejs dumb-init
WORKDIR /app
COPY start.sh server.js /app/
EXPOSE 8080
ENTRYPOINT ["/usr/bin/dumb-init", "--"]
CMD ["/app/start.sh"]
