FROM golang:1.22-alpine AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/gallery ./cmd/gallery

FROM gcr.io/distroless/static-debian12:debug
COPY --from=build /out/gallery /usr/local/bin/gallery
RUN ["/busybox/busybox", "mkdir", "-p", "/srv/gallery/uploads"]
WORKDIR /srv/gallery
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/gallery"]
