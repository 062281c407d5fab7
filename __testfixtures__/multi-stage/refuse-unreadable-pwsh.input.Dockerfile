FROM golang:1.22
SHELL ["pwsh", "-Command"]
WORKDIR /src
COPY . .
RUN go build -o /app . ; if ($LASTEXITCODE) { exit 1 }
CMD ["/app"]
