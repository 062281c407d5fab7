FROM ubuntu:22.04

# This image runs as root by design (rootless fuse is not supported).
# Production images use proper user isolation with su-exec.
RUN apt-get update && apt-get install -y --no-install-recommends curl fuse && rm -rf /var/lib/apt/lists/*

COPY ./weed /usr/bin/
COPY ./entrypoint_e2e.sh /entrypoint.sh

VOLUME /data
WORKDIR /data

ENTRYPOINT ["/entrypoint.sh"]
