FROM rust:1.79 AS builder
WORKDIR /qdrant
COPY . .
RUN cargo build --release --bin qdrant

FROM debian:12-slim
ARG APP=/qdrant

RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates tzdata \
    && rm -rf /var/lib/apt/lists/*

EXPOSE 6333 6334

RUN mkdir -p ${APP}
COPY --from=builder /qdrant/target/release/qdrant ${APP}/qdrant
COPY --from=builder /qdrant/config ${APP}/config

# Collections go to ./storage, under the folder named by the build argument.
WORKDIR ${APP}
ENTRYPOINT ["./qdrant"]
