ARG GO_IMAGE=golang
ARG GO_VERSION=1.22
FROM ${GO_IMAGE}:${GO_VERSION}-bookworm

WORKDIR /code

ENV GOPATH /go
ENV GOCACHE /go-build

COPY go.mod go.sum ./
RUN go mod download

COPY . .

RUN go build -o bin/backend main.go

EXPOSE 8000
CMD ["/code/bin/backend"]
