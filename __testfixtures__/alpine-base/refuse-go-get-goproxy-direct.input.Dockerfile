FROM golang:1.22
ENV GOPROXY=direct
RUN go install github.com/go-delve/delve/cmd/dlv@latest && \
    go get github.com/gorilla/mux@v1.8.0
CMD ["dlv", "version"]
