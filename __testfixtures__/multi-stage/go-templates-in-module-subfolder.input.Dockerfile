FROM golang:1.22
WORKDIR /src
COPY . .
WORKDIR /src/cmd/app
RUN go install
CMD ["app"]
