FROM golang:1.26-bookworm AS builder

ENV CGO_ENABLED=1

RUN apt-get update && \
    apt-get install -y --no-install-recommends gcc libc6-dev git && \
    rm -rf /var/lib/apt/lists/*

# The plugin's source is mounted here: docker run -v "$PWD:/builder" IMAGE build -buildmode=plugin -o ./plugin.so
WORKDIR /builder

ENTRYPOINT ["go"]
