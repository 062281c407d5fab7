FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/server ./cmd/server

FROM debian:12-slim AS app
COPY --from=build /out/server /usr/local/bin/server
EXPOSE 8080
CMD ["server"]

FROM golang:1.22 AS lint
WORKDIR /src
COPY . .
RUN go vet ./...
CMD ["go", "test", "./..."]
