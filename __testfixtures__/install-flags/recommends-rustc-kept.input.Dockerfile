FROM debian:bookworm
RUN apt-get update && apt-get install -y rustc cargo && rm -rf /var/lib/apt/lists/*
COPY . /src
RUN cd /src && cargo build --release
