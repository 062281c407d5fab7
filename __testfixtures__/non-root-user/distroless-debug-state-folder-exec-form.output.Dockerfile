FROM golang:1.22-bookworm AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/collector ./cmd/collector

# The debug tag keeps busybox for `kubectl exec`
FROM gcr.io/distroless/static-debian12:debug
COPY --from=build /out/collector /usr/local/bin/collector
WORKDIR /var/lib/collector
RUN ["/busybox/sh", "-c", "chown -R 65532:65532 /var/lib/collector"]
USER 65532:65532
ENTRYPOINT ["/usr/local/bin/collector"]
