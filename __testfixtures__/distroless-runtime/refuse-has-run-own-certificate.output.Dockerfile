FROM rust:1.80-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release

FROM debian:bookworm-slim
COPY corp-root-ca.crt /usr/local/share/ca-certificates/corp-root-ca.crt
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates tzdata \
    && update-ca-certificates \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/target/release/server /usr/local/bin/server
ENTRYPOINT ["/usr/local/bin/server"]
