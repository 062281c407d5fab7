FROM golang:1.22
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build ./cmd/app/v2
CMD ["/src/app"]
