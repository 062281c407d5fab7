# a stage called docker that builds the app's own binary, not Docker's image
FROM golang:1.23-alpine AS docker
WORKDIR /src
COPY . .
RUN go build -o /out/server .

FROM alpine:3.20
COPY --from=docker /out/server /usr/local/bin/server
ENTRYPOINT ["/usr/local/bin/server"]
