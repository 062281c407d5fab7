FROM golang:alpine AS builder
RUN go install github.com/coredns/coredns@v1.11.3

FROM alpine:3.20
COPY --from=builder /go/bin/coredns /usr/bin/coredns
ENTRYPOINT [ "coredns", "-log" ]
