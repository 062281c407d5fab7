FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends sudo
RUN su -c 'apt-get install -y htop' root
