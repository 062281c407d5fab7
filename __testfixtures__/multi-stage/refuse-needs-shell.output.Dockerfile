FROM golang:1.22-bookworm
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/api .
ENV PORT=8080
CMD api --port $PORT
