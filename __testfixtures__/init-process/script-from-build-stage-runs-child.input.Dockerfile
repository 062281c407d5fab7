FROM golang:1.22-alpine AS backend
WORKDIR /build
COPY . .
RUN go build -o app ./cmd/app

FROM alpine:3.21
COPY --from=backend /build/app /usr/local/app/app
COPY --from=backend --chmod=755 /build/scripts/entrypoint.sh /usr/local/app/entrypoint.sh
ENTRYPOINT ["/usr/local/app/entrypoint.sh", "/usr/local/app/app"]
