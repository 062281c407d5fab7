FROM debian:bookworm
RUN mkdir -p /srv && \
    chmod 755 /srv # world-readable on purpose
