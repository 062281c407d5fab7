FROM golang:1.22
WORKDIR /src
COPY . .
RUN go build -C cmd/api -o /out/app .
CMD ["/out/app"]
