FROM golang:1.22-alpine AS build
WORKDIR /src
COPY . .
RUN go build -o /out/vpn-client .

FROM alpine:3.20
RUN apk add --no-cache openvpn iptables
COPY --from=build /out/vpn-client /usr/local/bin/vpn-client
ENTRYPOINT ["/usr/local/bin/vpn-client"]
