FROM golang:1.22 AS build
WORKDIR /src
COPY . .
WORKDIR cmd/app
RUN CGO_ENABLED=0 go build -o /out/app .

FROM gcr.io/distroless/static-debian12
WORKDIR /src
WORKDIR cmd/app
COPY --from=build /out/app /out/app
CMD ["/out/app"]
