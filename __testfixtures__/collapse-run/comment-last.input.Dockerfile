FROM debian:bookworm
RUN mkdir -p /srv
RUN chmod 755 /srv # world-readable on purpose
