FROM rust:1.80-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends libclang-16-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cargo build --release

FROM debian:bookworm-slim
COPY --from=build /src/target/release/c-lint /usr/local/bin/c-lint
ENTRYPOINT ["/usr/local/bin/c-lint"]
