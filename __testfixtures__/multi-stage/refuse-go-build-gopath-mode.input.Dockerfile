FROM golang:1.22
ENV GO111MODULE=off
WORKDIR /src
COPY . .
RUN go build -trimpath
CMD ["/src/mono"]
