FROM golang:1.23-alpine AS build
WORKDIR /src
COPY . .
RUN go build -o /out/relay ./cmd/relay

FROM alpine:3.20
RUN apk add --no-cache ca-certificates iproute2
COPY --from=build /out/relay /usr/local/bin/relay
ENTRYPOINT ["/usr/local/bin/relay"]
