FROM golang:1.22-bookworm
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/api .
HEALTHCHECK --interval=30s CMD ["wget", "-qO-", "http://localhost:8080/health"]
CMD ["api"]
