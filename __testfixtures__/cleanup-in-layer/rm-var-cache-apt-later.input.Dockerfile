FROM debian:bookworm
RUN apt-get update && apt-get install -y curl
RUN useradd -m app && rm -rf /var/cache/apt
