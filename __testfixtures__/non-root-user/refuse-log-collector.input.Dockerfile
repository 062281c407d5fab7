FROM debian:bookworm-slim AS builder
ARG VECTOR_VERSION=0.42.0
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl \
    && curl -fsSL "https://packages.timber.io/vector/${VECTOR_VERSION}/vector-${VECTOR_VERSION}-x86_64-unknown-linux-gnu.tar.gz" | tar -xz -C /opt

FROM gcr.io/distroless/cc-debian12
COPY --from=builder /opt/vector-x86_64-unknown-linux-gnu/bin/vector /usr/local/bin/vector
COPY vector.yaml /etc/vector/vector.yaml
VOLUME /var/lib/vector/
ENTRYPOINT ["/usr/local/bin/vector"]
