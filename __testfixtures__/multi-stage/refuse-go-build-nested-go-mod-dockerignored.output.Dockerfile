FROM golang:1.22
WORKDIR /src
COPY . .
WORKDIR /src/cmd/api
RUN go build
CMD ["/src/cmd/api/tool"]
