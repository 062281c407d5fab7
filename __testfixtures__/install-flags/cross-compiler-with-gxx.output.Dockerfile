FROM golang:1.24-bookworm
RUN apt-get update && apt-get install --no-install-recommends -y gcc-aarch64-linux-gnu g++-aarch64-linux-gnu \
 && rm -rf /var/lib/apt/lists/*
ENV CGO_ENABLED=1 GOARCH=arm64 CC=aarch64-linux-gnu-gcc CXX=aarch64-linux-gnu-g++
WORKDIR /src
ENTRYPOINT ["go", "build"]
