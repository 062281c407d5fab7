ARG ALPINE=3.19
FROM golang:1.22-bookworm AS builder
RUN CGO_ENABLED=0 go build -o /app .

FROM alpine:${ALPINE}
COPY --from=builder /app /app
ENTRYPOINT ["/app"]
