FROM golang:1.24-alpine AS build
ENV CGO_ENABLED=0
RUN apk add --no-cache ca-certificates
RUN go install github.com/minio/mc@latest

FROM scratch
COPY --from=build /go/bin/mc /usr/bin/mc
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
ENTRYPOINT ["mc"]
