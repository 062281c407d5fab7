# syntax=docker/dockerfile:1.3-labs
FROM ubuntu:24.04

RUN <<EOF
#!/bin/bash
set -euo pipefail

apt-get update -y

APT_PKGS=(
    sudo
    git
    wget
)

apt-get install -y "${APT_PKGS[@]}"
rm -rf /var/lib/apt/lists/*
EOF

RUN wget -qO /usr/local/bin/server https://example.com/server && chmod +x /usr/local/bin/server

CMD ["/usr/local/bin/server"]
