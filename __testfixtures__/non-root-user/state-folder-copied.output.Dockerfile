FROM alpine:3.20 AS builder
RUN mkdir -p /var/lib/vector

FROM gcr.io/distroless/static-debian12
COPY vector /usr/local/bin/vector
COPY --chown=65532:65532 --from=builder /var/lib/vector /var/lib/vector
USER 65532:65532
ENTRYPOINT ["/usr/local/bin/vector"]
