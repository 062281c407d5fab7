FROM golang:1.22-bookworm
RUN apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN go build -o app .
CMD ["./app"]
