# The collector lives in its own folder of the repository; the image is built from the root.
FROM rust:1.82-bookworm AS build
WORKDIR /usr/src/collector
COPY collector/ .
RUN cargo build --release --locked

FROM debian:bookworm-slim
COPY --from=build /usr/src/collector/target/release/collector /usr/local/bin/collector
EXPOSE 4317
ENTRYPOINT ["/usr/local/bin/collector"]
