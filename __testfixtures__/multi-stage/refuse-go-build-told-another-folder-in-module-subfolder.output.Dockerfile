FROM golang:1.22
WORKDIR /src/cmd/app
COPY . /src
RUN go build -C /src/tools/gen -o /out/gen .
CMD ["/out/gen"]
