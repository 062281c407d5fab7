FROM golang:1.22-bookworm AS build
WORKDIR /app
COPY . .
RUN go build -o /usr/local/bin/todo ./cmd/todo

FROM gcr.io/distroless/base-debian12
WORKDIR /app
COPY --from=build /usr/local/bin/todo /usr/local/bin/todo
VOLUME /data
EXPOSE 8080
CMD ["todo", "--db", "/data/todo.db"]
