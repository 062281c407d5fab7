FROM rust:1.80-bookworm AS build
WORKDIR /app
COPY server/Cargo.toml server/Cargo.lock ./
COPY server/src ./src
RUN cargo build --release

FROM debian:bookworm-slim
WORKDIR /app
COPY --from=build /app/target/release/api /app/target/release/api
CMD ["./target/release/api"]
