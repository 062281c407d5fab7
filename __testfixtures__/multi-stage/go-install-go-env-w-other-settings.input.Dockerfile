FROM golang:1.22
RUN go env -w GOPROXY=https://proxy.example.com,direct GOFLAGS=-mod=mod GOPRIVATE=example.com/*
ENV GO111MODULE=on
WORKDIR /src
COPY . .
RUN export GOFLAGS=-mod=mod GOPROXY=direct && go install .
CMD ["/go/bin/mono"]
