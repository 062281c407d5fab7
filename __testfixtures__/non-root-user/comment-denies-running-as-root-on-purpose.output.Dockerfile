FROM ubuntu:22.04

# Note: this image never runs as root intentionally; tests use their own user.
# Production images use proper user isolation with su-exec.
RUN apt-get update && apt-get install -y --no-install-recommends curl fuse && rm -rf /var/lib/apt/lists/*

COPY ./weed /usr/bin/
COPY ./entrypoint_e2e.sh /entrypoint.sh

RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app && \
    mkdir -p /data && \
    chown 10001:10001 /data
VOLUME /data
WORKDIR /data
USER 10001:10001

ENTRYPOINT ["/entrypoint.sh"]
