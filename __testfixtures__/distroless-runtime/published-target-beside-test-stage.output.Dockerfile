FROM golang:1.23-bookworm AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app ./cmd/app

FROM gcr.io/distroless/static-debian12 AS app
COPY --from=build /out/app /usr/local/bin/app
ENTRYPOINT ["/usr/local/bin/app"]

FROM golang:1.23-bookworm AS test
WORKDIR /src
COPY . .
RUN go vet ./...
CMD ["go", "test", "./..."]
