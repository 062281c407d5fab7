FROM rust:1.83-bookworm AS build
WORKDIR /app
COPY . .
RUN cargo build --release

FROM debian:bookworm-slim
COPY --from=build /app/target/release/vault /usr/local/bin/vault
CMD ["vault"]
