FROM golang:1.21-bullseye
WORKDIR /app
COPY . .
RUN go build -o /usr/local/bin/todo ./cmd/todo
VOLUME /data
EXPOSE 8080
CMD ["todo", "--db", "/data/todo.db"]
