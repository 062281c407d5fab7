FROM golang:1.22
COPY . /src
ADD src.tar.gz /src/
WORKDIR /src/cmd/app
RUN go install .
CMD ["/go/bin/app"]
