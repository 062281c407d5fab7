FROM golang:1.22-bookworm

WORKDIR /go/src/hello
COPY . .
RUN go build -o /usr/local/bin/hello .

EXPOSE 8080
CMD hello -addr :8080
