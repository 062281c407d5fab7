FROM golang:1.23-bookworm AS lint
WORKDIR /src
COPY . .
RUN go vet ./...

FROM golang:1.23-bookworm AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /usr/local/bin/app .

FROM gcr.io/distroless/static-debian12
WORKDIR /src
COPY --from=build /usr/local/bin/app /usr/local/bin/app
EXPOSE 8080
CMD ["app"]
