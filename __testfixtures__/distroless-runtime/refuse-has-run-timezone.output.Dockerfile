FROM golang:1.22-bookworm AS builder
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app .

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends tzdata && ln -snf /usr/share/zoneinfo/Europe/Paris /etc/localtime && rm -rf /var/lib/apt/lists/*
COPY --from=builder /app /app
ENTRYPOINT ["/app"]
