FROM alpine:3.20 AS builder
RUN mkdir -p /var/lib/vector

FROM gcr.io/distroless/static-debian12
COPY vector /usr/local/bin/vector
COPY --from=builder /var/lib/vector /var/lib/vector
ENTRYPOINT ["/usr/local/bin/vector"]
