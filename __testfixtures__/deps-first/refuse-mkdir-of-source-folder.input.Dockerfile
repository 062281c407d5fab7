FROM golang:1.22
WORKDIR /app
COPY --chown=1000:1000 . .
RUN mkdir -p -m 700 /app/bin
RUN go mod download
RUN go build -o bin/app .
CMD ["/app/bin/start.sh"]
