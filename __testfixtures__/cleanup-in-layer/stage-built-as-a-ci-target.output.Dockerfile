FROM rust:1-bookworm AS builder
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends protobuf-compiler
COPY . .
RUN cargo build --release

FROM builder AS tests
RUN apt-get update && apt-get install -y --no-install-recommends postgresql
RUN cargo test --release

FROM debian:bookworm AS debug
RUN apt-get update && apt-get install -y --no-install-recommends gdb && rm -rf /var/lib/apt/lists/*
COPY --from=builder /app/target/debug/server /usr/local/bin/server
CMD ["gdb", "server"]

FROM debian:bookworm-slim AS server
RUN apt-get update && \
    apt-get install -y --no-install-recommends libssl3 ca-certificates && \
    rm -rf /var/lib/apt/lists/*
COPY --from=builder /app/target/release/server /usr/local/bin/server
CMD ["server"]

FROM rust:slim-bookworm AS full
RUN apt-get update && \
    apt-get install -y --no-install-recommends libssl3 ca-certificates && \
    rm -rf /var/lib/apt/lists/*
COPY --from=builder /app/target/release/server /usr/local/bin/server
CMD ["server"]
