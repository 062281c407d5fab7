FROM golang:1.10-alpine3.7
RUN apk add --no-cache gcc musl-dev
WORKDIR /app
COPY . .
RUN go build -o /usr/local/bin/todo ./cmd/todo
CMD ["todo", "--db", "/data/todo.db"]
