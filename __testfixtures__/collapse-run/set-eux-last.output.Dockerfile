FROM debian:bookworm
RUN apt-get update && \
    { set -eux; \
    apt-get install -y --no-install-recommends wget; \
    rm -rf /var/lib/apt/lists/*; }
