FROM alpine:3.20 AS builder
RUN mkdir -p /var/lib/garage

FROM gcr.io/distroless/static-debian12
COPY garage /usr/local/bin/garage
COPY --from=builder /var/lib/garage /var/lib/garage
ENTRYPOINT ["/usr/local/bin/garage"]
