FROM debian:bookworm-slim

RUN apt-get update \
    && apt-get install -y --no-install-recommends pdns-server pdns-backend-sqlite3 \
    && rm -rf /var/lib/apt/lists/*

COPY pdns.conf /etc/powerdns/pdns.conf

CMD ["pdns_server", "--guardian=no", "--daemon=no", "--write-pid=no"]
