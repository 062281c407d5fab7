FROM golang:1.22-bookworm
RUN useradd --create-home api
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/api .
USER api
CMD ["api"]
