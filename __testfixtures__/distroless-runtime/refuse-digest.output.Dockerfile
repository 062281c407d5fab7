FROM golang:1.22-bookworm AS builder
RUN CGO_ENABLED=0 go build -o /app .

FROM alpine:3.19@sha256:7f9e5e0a1f5a5a8b0e6d5b9d2d2c1c8b3b1e4b2c7a1d2e3f4a5b6c7d8e9f0a1b2
COPY --from=builder /app /app
ENTRYPOINT ["/app"]
