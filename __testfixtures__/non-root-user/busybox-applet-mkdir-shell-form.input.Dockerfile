FROM golang:1.22-alpine AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/thumbs ./cmd/thumbs

FROM alpine:3.20
RUN apk add --no-cache ca-certificates
COPY --from=build /out/thumbs /usr/local/bin/thumbs
# the thumbnails are written when first asked for
RUN busybox mkdir -p /app/thumbnails
EXPOSE 8080
CMD ["thumbs", "--listen", ":8080"]
