FROM golang:1.21
RUN apt-get update && apt-get install -y git
WORKDIR /go/src/app
COPY . .
RUN go mod download && go build -o /go/bin/app
USER nobody:nogroup
EXPOSE 3000
CMD ["/go/bin/app"]
