FROM golang:1.19

RUN apt-get update
RUN apt-get install -y curl

WORKDIR /go/src/hello
COPY . .
RUN go build -o /usr/local/bin/hello .

EXPOSE 8080
CMD hello -addr :8080
