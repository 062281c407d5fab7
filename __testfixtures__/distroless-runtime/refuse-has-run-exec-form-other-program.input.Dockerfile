FROM golang:1.23-bookworm AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -o /out/exporter ./cmd/exporter

FROM debian:bookworm-slim
COPY --from=build /out/exporter /usr/local/bin/exporter
RUN ["/bin/mkdir", "-p", "/var/lib/exporter"]
EXPOSE 9100
ENTRYPOINT ["/usr/local/bin/exporter"]
