FROM golang:1.22
WORKDIR /src
COPY server/ ./
RUN go build -o /out/web .
CMD ["/out/web"]
