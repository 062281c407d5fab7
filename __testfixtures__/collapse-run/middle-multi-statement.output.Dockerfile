FROM debian:bookworm
RUN apt-get update && \
    { apt-get install -y curl; curl --version; } && \
    rm -rf /var/lib/apt/lists/*
