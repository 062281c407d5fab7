FROM golang:1.22
WORKDIR /src/cmd/app
COPY cmd/ /src/cmd/
RUN go install
CMD ["app"]
