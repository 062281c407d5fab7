FROM debian:bookworm

RUN apt-get update && export DEBIAN_FRONTEND=noninteractive \
    && apt-get -y install --no-install-recommends git sudo \
    && rm -rf /var/lib/apt/lists/*
