FROM rust:1.79 AS builder
WORKDIR /qdrant
COPY . .
RUN cargo build --release --bin qdrant

FROM debian:12-slim
ARG APP=/qdrant
ENV QDRANT__STORAGE__STORAGE_PATH=/qdrant/storage \
    QDRANT__STORAGE__SNAPSHOTS_PATH=/qdrant/snapshots
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app \
    && mkdir -p /qdrant/storage \
    && chown 10001:10001 /qdrant/storage \
    && mkdir -p /qdrant/snapshots \
    && chown 10001:10001 /qdrant/snapshots
VOLUME /qdrant/storage /qdrant/snapshots

RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates tzdata \
    && rm -rf /var/lib/apt/lists/*

EXPOSE 6333 6334

RUN mkdir -p ${APP}
COPY --from=builder /qdrant/target/release/qdrant ${APP}/qdrant
COPY --from=builder /qdrant/config ${APP}/config

# Collections and snapshots go to the volumes; the build argument names the program's folder.
WORKDIR ${APP}
USER 10001:10001
ENTRYPOINT ["./qdrant"]
