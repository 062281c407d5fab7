FROM golang:1.22
RUN ( curl -fsSLO https://example.com/protoc-gen.tar.gz && tar xzf protoc-gen.tar.gz -C /usr/local/bin ) && \
    go version && \
    rm -f /go/protoc-gen.tar.gz
