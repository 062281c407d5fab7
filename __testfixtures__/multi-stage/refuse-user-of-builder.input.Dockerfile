FROM golang:1.21-alpine
RUN apk add --no-cache git ca-certificates
WORKDIR /go/src/app
COPY . .
RUN go mod download && go build -o /go/bin/app
USER guest
EXPOSE 3000
CMD ["/go/bin/app"]
