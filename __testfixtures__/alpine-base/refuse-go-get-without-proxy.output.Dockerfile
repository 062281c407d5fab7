# benchmarks that fetch their dependencies with go get
FROM golang:1.6

RUN go get github.com/Jeffail/gabs

WORKDIR /go/src/github.com/example/jsonlib
COPY . /go/src/github.com/example/jsonlib
