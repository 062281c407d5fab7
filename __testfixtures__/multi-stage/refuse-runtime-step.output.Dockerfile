FROM golang:1.22-bookworm
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/api . && mkdir -p /var/lib/api
CMD ["api", "--data", "/var/lib/api"]
