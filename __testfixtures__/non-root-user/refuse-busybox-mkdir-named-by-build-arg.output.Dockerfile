FROM golang:1.22-alpine AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/gallery ./cmd/gallery

FROM busybox:1.36
ARG MEDIA_ROOT=/srv/media
COPY --from=build /out/gallery /bin/gallery
RUN busybox mkdir -p "$MEDIA_ROOT"
EXPOSE 8080
CMD ["/bin/gallery"]
