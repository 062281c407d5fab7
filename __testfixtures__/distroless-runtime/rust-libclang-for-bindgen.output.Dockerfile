FROM rust:1.80-bookworm AS build
# bindgen (librocksdb-sys's build script) needs libclang
RUN apt-get update \
 && apt-get install -y --no-install-recommends libclang-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cargo build --release

FROM gcr.io/distroless/cc-debian12
COPY --from=build /src/target/release/kvstore /usr/local/bin/kvstore
ENTRYPOINT ["/usr/local/bin/kvstore"]
