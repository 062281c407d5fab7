FROM golang:1.21-bullseye AS build
WORKDIR /app
COPY . .
RUN go build -o /usr/local/bin/todo ./cmd/todo

FROM debian:bullseye-slim
WORKDIR /app
COPY --from=build /usr/local/bin/todo /usr/local/bin/todo
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
VOLUME /data
EXPOSE 8080
CMD ["todo", "--db", "/data/todo.db"]
