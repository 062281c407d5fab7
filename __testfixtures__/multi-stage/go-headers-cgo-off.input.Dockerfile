FROM golang:1.23-alpine
RUN apk add --no-cache git protobuf-dev
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /usr/local/bin/api .
EXPOSE 8080
CMD ["api"]
