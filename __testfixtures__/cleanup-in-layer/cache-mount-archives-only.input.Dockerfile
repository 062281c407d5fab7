# syntax=docker/dockerfile:1
FROM debian:bookworm
RUN rm -f /etc/apt/apt.conf.d/docker-clean
# The cache mount keeps the downloaded .deb files; the lists still land in the layer.
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \
    apt-get update && apt-get install -y --no-install-recommends gcc
# A mount on the lists themselves keeps them out: nothing to clean.
RUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \
    apt-get update && apt-get install -y --no-install-recommends make
