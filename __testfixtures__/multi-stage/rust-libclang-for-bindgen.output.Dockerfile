FROM rust:1.80-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends libclang-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cargo build --release

FROM debian:bookworm-slim
WORKDIR /src
COPY --from=build /src/target/release/kvstore /src/target/release/kvstore
CMD ["/src/target/release/kvstore"]
