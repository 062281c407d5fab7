FROM golang:1.22-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends imagemagick && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/thumbnailer .
CMD ["thumbnailer"]
