FROM golang:1.22-bookworm
RUN echo 'deb http://deb.debian.org/debian bookworm-backports main' > /etc/apt/sources.list.d/backports.list \
 && apt-get update \
 && apt-get install -y -t bookworm-backports libvips-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/thumbs .
CMD ["/usr/local/bin/thumbs"]
