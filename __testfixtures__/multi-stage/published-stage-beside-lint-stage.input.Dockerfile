FROM golang:1.23-bookworm AS app
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/app .
CMD ["app"]

FROM golang:1.23-bookworm AS lint
WORKDIR /src
COPY . .
RUN go vet ./...
