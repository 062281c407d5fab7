FROM golang:1.22-bookworm AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app .

FROM debian:bookworm-slim
RUN apt update
RUN apt install -y --no-install-recommends ca-certificates && update-ca-certificates
COPY --from=build /app /app
ENTRYPOINT ["/app"]
