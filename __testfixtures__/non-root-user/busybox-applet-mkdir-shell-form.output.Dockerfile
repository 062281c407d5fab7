FROM golang:1.22-alpine AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/thumbs ./cmd/thumbs

FROM alpine:3.20
RUN apk add --no-cache ca-certificates
COPY --from=build /out/thumbs /usr/local/bin/thumbs
# the thumbnails are written when first asked for
RUN busybox mkdir -p /app/thumbnails
RUN addgroup -S -g 10001 app && \
    adduser -S -D -u 10001 -G app app && \
    chown -R 10001:10001 /app/thumbnails
USER 10001:10001
EXPOSE 8080
CMD ["thumbs", "--listen", ":8080"]
