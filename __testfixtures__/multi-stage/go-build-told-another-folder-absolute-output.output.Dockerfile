FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -C cmd/api -o /out/app .

FROM gcr.io/distroless/static-debian12
WORKDIR /src
COPY --from=build /out/app /out/app
CMD ["/out/app"]
