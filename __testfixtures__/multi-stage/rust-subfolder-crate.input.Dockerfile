FROM rust:1.80-bookworm
WORKDIR /app
COPY server/Cargo.toml server/Cargo.lock ./
COPY server/src ./src
RUN cargo build --release
CMD ["./target/release/api"]
