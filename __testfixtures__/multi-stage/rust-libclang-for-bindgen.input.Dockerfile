FROM rust:1.80-bookworm
RUN apt-get update \
 && apt-get install -y --no-install-recommends libclang-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cargo build --release
CMD ["/src/target/release/kvstore"]
