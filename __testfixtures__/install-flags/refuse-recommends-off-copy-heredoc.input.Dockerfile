# syntax=docker/dockerfile:1
FROM debian:bookworm-slim
# Keep apt lean for every install below
COPY <<EOF /etc/apt/apt.conf.d/99-no-recommends
APT::Install-Recommends "false";
APT::Install-Suggests "false";
EOF
RUN apt-get update \
    && apt-get install -y curl ca-certificates \
    && rm -rf /var/lib/apt/lists/*
CMD ["curl", "--version"]
