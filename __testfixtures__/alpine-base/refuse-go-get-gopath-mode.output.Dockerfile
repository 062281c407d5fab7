FROM golang:1.14
WORKDIR /go/src/github.com/example/api
COPY . .
RUN go get -d -v ./... && go install -v ./...
CMD ["api"]
