FROM golang:1.22-bookworm AS builder
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /target/app/server .

FROM debian:bookworm-slim
WORKDIR /app
COPY --from=builder /target /
ENTRYPOINT ["./server"]
CMD ["serve"]
