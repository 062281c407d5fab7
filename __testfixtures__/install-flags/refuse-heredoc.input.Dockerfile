# syntax=docker/dockerfile:1
FROM debian:bookworm
RUN <<EOF
set -e
apt-get update
apt-get install -y curl
EOF
RUN <<EOF
apt-get install -y --no-install-recommends git
EOF
RUN cat <<EOF > /etc/motd
apt-get install is not needed here
EOF
