FROM golang:1.22-bookworm

WORKDIR /code

ENV CGO_ENABLED 0
COPY go.mod go.sum ./
RUN go mod download

COPY . .
RUN go build -o bin/backend main.go
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001

EXPOSE 8000
CMD ["/code/bin/backend"]
