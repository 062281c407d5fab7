# A base image for offline CI builds: the crates are fetched here, builds run without network
FROM rust:1.80-slim
WORKDIR /deps
COPY Cargo.toml Cargo.lock ./
RUN mkdir src && touch src/lib.rs && cargo fetch --locked
ENV CARGO_NET_OFFLINE=true
