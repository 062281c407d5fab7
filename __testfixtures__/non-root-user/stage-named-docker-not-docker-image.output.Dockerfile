# a stage called docker that builds the app's own binary, not Docker's image
FROM golang:1.23-alpine AS docker
WORKDIR /src
COPY . .
RUN go build -o /out/server .

FROM alpine:3.20
COPY --from=docker /out/server /usr/local/bin/server
RUN addgroup -S -g 10001 app && adduser -S -D -u 10001 -G app app
USER 10001:10001
ENTRYPOINT ["/usr/local/bin/server"]
