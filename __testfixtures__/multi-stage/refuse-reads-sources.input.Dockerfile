FROM golang:1.22-bookworm
WORKDIR /src
COPY . .
RUN ./scripts/fetch-geoip.sh geoip
RUN CGO_ENABLED=0 go build -o /usr/local/bin/locator ./cmd/locator
EXPOSE 8080
CMD ["locator"]
