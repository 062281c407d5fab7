FROM golang:1.22
WORKDIR /src
COPY . .
WORKDIR /src/cmd/api
RUN go install
CMD ["api"]
