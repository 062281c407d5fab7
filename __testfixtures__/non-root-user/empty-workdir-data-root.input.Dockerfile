FROM alpine:3.20
RUN apk add --no-cache openssl ca-certificates
COPY server /usr/bin/server

# The server keeps its configuration, keys and database where it starts.
ENV HOME=/data
WORKDIR /data
CMD ["/usr/bin/server"]
