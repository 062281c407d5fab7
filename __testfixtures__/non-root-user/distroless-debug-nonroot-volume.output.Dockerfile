FROM golang:1.22-bookworm AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/server ./cmd/server

FROM gcr.io/distroless/static-debian12:debug-nonroot
USER root
COPY --from=build /out/server /usr/local/bin/server
RUN ["/busybox/sh", "-c", "mkdir -p /var/lib/server && chown 65532:65532 /var/lib/server"]
USER 65532:65532
VOLUME /var/lib/server
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/server"]
