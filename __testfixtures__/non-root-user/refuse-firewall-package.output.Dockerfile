FROM golang:1.23-alpine AS build
WORKDIR /src
COPY . .
RUN go build -o /out/relay ./cmd/relay

FROM alpine:3.20
RUN apk add --no-cache ca-certificates iptables ip6tables iproute2 curl
COPY --from=build /out/relay /usr/local/bin/relay
ENTRYPOINT ["/usr/local/bin/relay"]
