FROM golang:1.23-bookworm AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -o /out/exporter ./cmd/exporter

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/exporter /usr/local/bin/exporter

# Smoke test
RUN ["exporter", "--version"]

EXPOSE 9100
ENTRYPOINT ["/usr/local/bin/exporter"]
