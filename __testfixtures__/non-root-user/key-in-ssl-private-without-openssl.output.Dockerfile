FROM debian:bookworm-slim

COPY server /usr/local/bin/server
# No openssl in the image: the COPY makes /etc/ssl/private itself, open to all.
COPY tls/server.key /etc/ssl/private/
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001

EXPOSE 8443
CMD ["server", "--tls-key", "/etc/ssl/private/server.key"]
