FROM golang:1.23-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends libvips-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/imgsvc ./cmd/img
EXPOSE 8080
CMD ["imgsvc"]
