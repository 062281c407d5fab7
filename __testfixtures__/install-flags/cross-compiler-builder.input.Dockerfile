# Cross-compiles the project mounted at run time:
#   docker run --rm -v "$PWD:/src" -w /src builder make app-linux-arm64
ARG go_builder_image=golang:1.24-bookworm
FROM $go_builder_image
STOPSIGNAL SIGINT
RUN apt-get update && apt-get install -y \
    gcc-x86-64-linux-gnu \
    gcc-aarch64-linux-gnu \
 && rm -rf /var/lib/apt/lists/*
