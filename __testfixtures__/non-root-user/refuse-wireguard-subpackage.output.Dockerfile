FROM golang:1.23-alpine AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/wg-manager .

FROM alpine:3.20
RUN apk add --no-cache wireguard-tools-wg-quick
COPY --from=build /out/wg-manager /usr/local/bin/wg-manager
ENTRYPOINT ["/usr/local/bin/wg-manager"]
