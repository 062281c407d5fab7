FROM rust:1.80 AS build
WORKDIR /app
COPY . .
RUN cargo build --release

FROM debian:bookworm-slim
WORKDIR /
COPY start.sh /
COPY --from=build /app/target/release/app .
CMD ["/start.sh"]
