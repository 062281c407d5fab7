FROM golang:1.22 AS build
WORKDIR /src/cmd/app
COPY . /src
RUN CGO_ENABLED=0 go build -o /out/app .

FROM gcr.io/distroless/static-debian12
WORKDIR /src/cmd/app
COPY --from=build /out/app /out/app
COPY --from=build /src /src
CMD ["/out/app"]
