FROM golang:1.23
WORKDIR /app
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ENV GIN_MODE=release
RUN go build -o /app/bin/server ./cmd/server
EXPOSE 8080
CMD ["/app/bin/server"]
