FROM golang:1.22

WORKDIR /go/src/app

COPY . .
RUN go build -o links ./cmd/server

VOLUME /go/src/app/data
CMD ["/go/src/app/links"]
