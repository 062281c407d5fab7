FROM golang:1.22-bookworm@sha256:0b3d4f1e0c2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4
WORKDIR /code
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o bin/backend main.go
EXPOSE 8000
CMD ["/code/bin/backend"]
