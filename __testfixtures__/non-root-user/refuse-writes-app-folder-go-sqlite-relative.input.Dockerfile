FROM golang:1.22

WORKDIR /go/src/app

# dependencies first
COPY go.mod go.sum ./
RUN go mod download

COPY . .
RUN go build -o links ./cmd/server

EXPOSE 8080
CMD ["/go/src/app/links"]
