FROM debian:bookworm-slim

RUN apt-get update && \
    apt-get install -y --no-install-recommends ca-certificates && \
    rm -rf /var/lib/apt/lists/*

COPY server /usr/local/bin/server
COPY tls/server.crt /etc/ssl/certs/
# ca-certificates brings openssl, whose /etc/ssl/private is mode 700: only root reads the key.
COPY tls/server.key /etc/ssl/private/

EXPOSE 8443
CMD ["server", "--tls-key", "/etc/ssl/private/server.key"]
