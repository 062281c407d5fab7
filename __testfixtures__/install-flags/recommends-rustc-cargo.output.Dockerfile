FROM debian:bookworm
RUN apt-get update && apt-get install --no-install-recommends -y rustc cargo && rm -rf /var/lib/apt/lists/*
RUN rustc --version
COPY . /src
RUN cd /src && cargo build --release
