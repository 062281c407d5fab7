FROM golang:1.24-alpine AS build
ENV CGO_ENABLED=0
RUN apk add --no-cache ca-certificates
RUN go install github.com/minio/mc@latest

FROM alpine:3.21
COPY --from=build /go/bin/mc /usr/bin/mc
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
RUN addgroup -S -g 10001 app && \
    adduser -S -D -u 10001 -G app app && \
    mkdir -p /config && \
    chown 10001:10001 /config
USER 10001:10001
ENV MC_CONFIG_DIR=/config
VOLUME /config
ENTRYPOINT ["mc"]
