FROM golang:1.22
RUN go env -w GO111MODULE=off
WORKDIR /go/src/app
COPY . .
RUN go install .
CMD ["/go/bin/app"]
