FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends debconf
RUN debconf-apt-progress -- apt-get install -y htop
