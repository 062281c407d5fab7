FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build ./cmd/app/v2

FROM gcr.io/distroless/static-debian12
WORKDIR /src
COPY --from=build /src/app /src/app
CMD ["/src/app"]
