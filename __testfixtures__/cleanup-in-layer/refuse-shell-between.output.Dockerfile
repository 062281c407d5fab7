FROM debian:bookworm
RUN apt-get update && apt-get install -y curl
SHELL ["/bin/bash", "-c"]
RUN rm -rf /var/lib/apt/lists/*
