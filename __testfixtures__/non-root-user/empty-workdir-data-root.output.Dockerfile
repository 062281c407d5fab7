FROM alpine:3.20
RUN apk add --no-cache openssl ca-certificates
COPY server /usr/bin/server

# The server keeps its configuration, keys and database where it starts.
ENV HOME=/data
WORKDIR /data
RUN addgroup -S -g 10001 app && adduser -S -D -u 10001 -G app app && chown -R 10001:10001 /data
USER 10001:10001
CMD ["/usr/bin/server"]
