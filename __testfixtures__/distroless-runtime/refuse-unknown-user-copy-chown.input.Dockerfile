FROM golang:1.22-bookworm AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app .

FROM debian:bookworm-slim
COPY --from=build --chown=www-data:www-data /app /app
ENTRYPOINT ["/app"]
