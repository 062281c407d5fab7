FROM golang:1.22
WORKDIR /app
COPY . .
RUN mkdir -p /test/results bin
RUN go mod download
RUN go build -o bin/app .
CMD ["/app/bin/app"]
