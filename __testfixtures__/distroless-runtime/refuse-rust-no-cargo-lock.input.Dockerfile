FROM rust:1.80-bookworm AS build
WORKDIR /usr/src/ingest
COPY . .
RUN cargo build --release

FROM debian:bookworm-slim
COPY --from=build /usr/src/ingest/target/release/ingest /usr/local/bin/ingest
EXPOSE 9000
ENTRYPOINT ["/usr/local/bin/ingest"]
