# cargo reads server/Cargo.toml, so the binary is in server/target
FROM rust:1.79
WORKDIR /app
COPY . .
RUN cargo build --release --manifest-path server/Cargo.toml
CMD ["/app/server/target/release/api"]
