# syntax=docker/dockerfile:1
FROM debian:bookworm-slim
# A note for users of the image, not apt's configuration
COPY <<EOF /usr/share/doc/image/APT.md
To install recommended packages, run apt-get with -o APT::Install-Recommends "true".
EOF
RUN apt-get update && apt-get install -y jq && rm -rf /var/lib/apt/lists/*
CMD ["jq", "--version"]
