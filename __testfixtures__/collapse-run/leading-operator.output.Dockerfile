FROM debian:bookworm
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential \
      git \
 && rm -rf /var/lib/apt/lists/* \
 && git config --system advice.detachedHead false \
 && useradd -m builder \
 && mkdir -p /work
