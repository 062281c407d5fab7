FROM ubuntu:22.04
WORKDIR /app
# Install System Dependencies
RUN apt-get update -y && apt-get -y install \
    ffmpeg \
    curl \
    # Required by llama-cpp-python pre-built wheels
    musl-dev && \
    ln -s /usr/lib/x86_64-linux-musl/libc.so /lib/libc.musl-x86_64.so.1 && \
    apt-get clean && rm -rf /var/lib/apt/lists/*
COPY . .
CMD ["./server"]
