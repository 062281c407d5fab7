FROM golang:1.22
WORKDIR /src/cmd/app
COPY . /src
RUN go install
CMD ["app"]
