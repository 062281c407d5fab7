FROM golang:1.22-bookworm AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends libsystemd-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN CGO_ENABLED=1 go build -o /out/journal-shipper ./cmd/shipper

FROM debian:bookworm-slim
COPY --from=build /out/journal-shipper /usr/local/bin/journal-shipper
ENTRYPOINT ["/usr/local/bin/journal-shipper"]
