FROM debian:bookworm-slim

COPY server /usr/local/bin/server
# No openssl in the image: the COPY makes /etc/ssl/private itself, open to all.
COPY tls/server.key /etc/ssl/private/

EXPOSE 8443
CMD ["server", "--tls-key", "/etc/ssl/private/server.key"]
