FROM golang:1.23-bookworm AS lint
WORKDIR /src
COPY . .
RUN go vet ./...

FROM golang:1.23-bookworm
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/app .
EXPOSE 8080
CMD ["app"]
