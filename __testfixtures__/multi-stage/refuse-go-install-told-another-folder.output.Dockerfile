FROM golang:1.22
WORKDIR /src
COPY . .
RUN go install -C cmd/api
CMD ["api"]
