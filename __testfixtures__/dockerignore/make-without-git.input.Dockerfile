FROM golang:1.23 AS build
WORKDIR /src
COPY . .
RUN make build

FROM gcr.io/distroless/static-debian12
COPY --from=build /src/bin/app /app
ENTRYPOINT ["/app"]
