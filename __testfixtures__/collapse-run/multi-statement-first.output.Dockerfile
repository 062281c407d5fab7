FROM debian:bookworm
RUN apt-get update; apt-get install -y curl && \
    curl --version && \
    { mkdir -p /opt/app; chmod 755 /opt/app; }
