# The Go code only appends ".db" to a name it builds at run time: no database file is named relative to the working folder.
FROM golang:1.25-alpine AS builder
WORKDIR /code
ENV CGO_ENABLED=0
COPY . .
RUN go build -o bin/server .

FROM alpine:3.22
COPY --from=builder /code/bin/server /usr/local/bin/server
RUN addgroup -S -g 10001 app && adduser -S -D -u 10001 -G app app
USER 10001:10001
CMD ["/usr/local/bin/server"]
