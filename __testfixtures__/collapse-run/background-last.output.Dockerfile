FROM debian:bookworm
RUN mkdir -p /var/run/app && \
    { touch /var/run/app/started && sleep 1 & }
