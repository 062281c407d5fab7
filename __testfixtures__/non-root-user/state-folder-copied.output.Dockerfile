FROM alpine:3.20 AS builder
RUN mkdir -p /var/lib/garage

FROM gcr.io/distroless/static-debian12
COPY garage /usr/local/bin/garage
COPY --chown=65532:65532 --from=builder /var/lib/garage /var/lib/garage
USER 65532:65532
ENTRYPOINT ["/usr/local/bin/garage"]
