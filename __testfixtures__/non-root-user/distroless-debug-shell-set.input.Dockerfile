FROM golang:1.22-bookworm AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/cache-server ./cmd/cache-server

FROM gcr.io/distroless/static-debian12:debug
SHELL ["/busybox/sh", "-c"]
COPY --from=build /out/cache-server /cache-server
VOLUME /var/cache/app
EXPOSE 6379
ENTRYPOINT ["/cache-server"]
