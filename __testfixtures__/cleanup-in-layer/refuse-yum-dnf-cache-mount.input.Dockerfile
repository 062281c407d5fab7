# syntax=docker/dockerfile:1
FROM amazonlinux:2023
RUN --mount=type=cache,target=/var/cache/dnf \
    yum install -y gcc make python3-devel
COPY . /src
