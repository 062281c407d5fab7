FROM golang:1.23-alpine AS build
WORKDIR /src
COPY . .
RUN go build -o /out/relay ./cmd/relay

FROM alpine:3.20
RUN apk add --no-cache ca-certificates iproute2
COPY --from=build /out/relay /usr/local/bin/relay
RUN addgroup -S -g 10001 app && adduser -S -D -u 10001 -G app app
USER 10001:10001
ENTRYPOINT ["/usr/local/bin/relay"]
