FROM golang:1.22 AS build
RUN go env -w GOPROXY=https://proxy.example.com,direct GOFLAGS=-mod=mod GOPRIVATE=example.com/*
ENV GO111MODULE=on
WORKDIR /src
COPY . .
RUN export GOFLAGS=-mod=mod GOPROXY=direct && CGO_ENABLED=0 go install .

FROM gcr.io/distroless/static-debian12
WORKDIR /src
COPY --from=build /go/bin/mono /go/bin/mono
CMD ["/go/bin/mono"]
