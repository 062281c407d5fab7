FROM rust:1.80-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release

FROM debian:bookworm-slim
COPY ca-certificates_20230311_all.deb /tmp/
RUN apt-get update \
    && apt-get install -y --no-install-recommends /tmp/ca-certificates_20230311_all.deb tzdata \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/target/release/server /usr/local/bin/server
ENTRYPOINT ["/usr/local/bin/server"]
