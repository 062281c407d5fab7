FROM golang:1.22-bookworm AS build
WORKDIR /src
COPY server/ ./
RUN CGO_ENABLED=0 go build

FROM gcr.io/distroless/static-debian12
WORKDIR /src
COPY --from=build /src/api /src/api
CMD ["./api"]
