FROM golang:1.23-alpine AS builder
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /out/restic ./cmd/restic

FROM alpine:3.20
RUN apk add --no-cache ca-certificates openssh-client tzdata
COPY --from=builder /out/restic /usr/bin/restic
COPY docker/entrypoint.sh /entrypoint.sh
ENTRYPOINT ["/entrypoint.sh"]
