FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/server ./cmd/server

FROM debian:12-slim AS app
COPY --from=build /out/server /usr/local/bin/server
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
EXPOSE 8080
CMD ["server"]

FROM golang:1.22 AS lint
WORKDIR /src
COPY . .
RUN go vet ./...
CMD ["go", "test", "./..."]
