FROM golang:1.22
WORKDIR /src
COPY go.mod ./
RUN go mod download
COPY . .
WORKDIR /src/cmd/app
RUN go install .
CMD ["app"]
