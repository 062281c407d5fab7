FROM golang:1.22-bookworm
WORKDIR /src
COPY . .
RUN go build ./...
CMD ["/src/bin/api"]
