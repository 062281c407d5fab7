# syntax=docker/dockerfile:1
FROM alpine:3.19
ARG RUNC_VERSION=v1.1.12
ADD --keep-git-dir=true "https://github.com/opencontainers/runc.git#$RUNC_VERSION" /src/runc
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://github.com/docker/buildx/releases/download/v0.13.1/buildx-v0.13.1.linux-amd64 /usr/libexec/docker/cli-plugins/docker-buildx
ADD --unpack=false vendor.tar.gz /opt/vendor/
