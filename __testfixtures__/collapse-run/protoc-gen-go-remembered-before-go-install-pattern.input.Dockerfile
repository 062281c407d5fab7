FROM golang:1.22
RUN apt-get update && apt-get install -y protobuf-compiler golang-goprotobuf-dev && protoc-gen-go --version
RUN go install google.golang.org/protobuf/cmd/...@latest && protoc --go_out=. x.proto && protoc-gen-go --version
