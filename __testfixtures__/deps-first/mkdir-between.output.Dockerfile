FROM golang:1.22
WORKDIR /app
COPY go.mod go.sum ./
RUN mkdir -p /test/results bin
RUN go mod download
COPY . .
RUN go build -o bin/app .
CMD ["/app/bin/app"]
