FROM golang:1.22
WORKDIR /src
COPY --exclude=cmd/app/templates . .
WORKDIR cmd/app
RUN go build -o /out/app .
CMD ["/out/app"]
