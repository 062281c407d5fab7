FROM golang:1.22
WORKDIR /src
COPY . .
WORKDIR cmd/app
RUN go build -o /out/app .
CMD ["/out/app"]
