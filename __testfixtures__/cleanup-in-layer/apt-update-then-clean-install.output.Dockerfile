ARG BASEIMAGE=registry.k8s.io/build-image/debian-base:bookworm-v1.0.6

FROM golang:1.25 AS builder
WORKDIR /go/src/driver
COPY . .
RUN make build

FROM $BASEIMAGE
COPY --from=builder /go/src/driver/_output/driver /driver
RUN apt update && \
    apt upgrade -y && \
    clean-install ca-certificates mount util-linux
ENTRYPOINT ["/driver"]
