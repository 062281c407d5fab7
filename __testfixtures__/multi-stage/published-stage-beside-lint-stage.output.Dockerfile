FROM golang:1.23-bookworm AS app-build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /usr/local/bin/app .

FROM gcr.io/distroless/static-debian12 AS app
WORKDIR /src
COPY --from=app-build /usr/local/bin/app /usr/local/bin/app
CMD ["app"]

FROM golang:1.23-bookworm AS lint
WORKDIR /src
COPY . .
RUN go vet ./...
