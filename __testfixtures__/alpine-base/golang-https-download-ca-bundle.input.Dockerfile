FROM golang:1.23
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN wget -q -O api/http.proto https://raw.githubusercontent.com/googleapis/googleapis/master/google/api/http.proto \
    && CGO_ENABLED=0 go build -o /usr/local/bin/gateway ./cmd/gateway
CMD ["gateway"]
