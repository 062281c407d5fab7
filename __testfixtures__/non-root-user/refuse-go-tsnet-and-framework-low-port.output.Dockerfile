# The file imports tsnet, but the web framework's app.Listen binds port 80 of the host.
FROM golang:1.25-alpine AS builder
WORKDIR /code
ENV CGO_ENABLED=0
COPY . .
RUN go build -o bin/server .

FROM alpine:3.22
COPY --from=builder /code/bin/server /usr/local/bin/server
CMD ["/usr/local/bin/server"]
