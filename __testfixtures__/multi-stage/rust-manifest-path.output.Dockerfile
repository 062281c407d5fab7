# cargo reads server/Cargo.toml, so the binary is in server/target
FROM rust:1.79 AS build
WORKDIR /app
COPY . .
RUN cargo build --release --manifest-path server/Cargo.toml

FROM debian:bookworm-slim
WORKDIR /app
COPY --from=build /app/server/target/release/api /app/server/target/release/api
CMD ["/app/server/target/release/api"]
