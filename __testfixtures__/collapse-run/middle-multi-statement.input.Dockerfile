FROM debian:bookworm
RUN apt-get update
RUN apt-get install -y curl; curl --version
RUN rm -rf /var/lib/apt/lists/*
