FROM golang:1.15
WORKDIR /src
COPY go.mod ./
RUN go get github.com/gorilla/mux@v1.8.0
COPY . .
RUN go build -o /usr/local/bin/api .
CMD ["api"]
