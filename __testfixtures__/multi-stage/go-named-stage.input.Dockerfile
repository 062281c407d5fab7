FROM golang:1.23 AS app
WORKDIR /src
COPY . .
RUN go build -o /bin/app .
CMD ["/bin/app"]
