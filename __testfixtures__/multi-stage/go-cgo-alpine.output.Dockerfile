FROM golang:1.22-alpine3.20 AS build
RUN apk add --no-cache gcc musl-dev
WORKDIR /app
COPY . .
RUN go build -o /usr/local/bin/todo ./cmd/todo

FROM alpine:3.20
WORKDIR /app
COPY --from=build /usr/local/bin/todo /usr/local/bin/todo
CMD ["todo", "--db", "/data/todo.db"]
