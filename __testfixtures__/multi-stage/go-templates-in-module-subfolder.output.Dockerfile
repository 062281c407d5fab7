FROM golang:1.22 AS build
WORKDIR /src
COPY . .
WORKDIR /src/cmd/app
RUN CGO_ENABLED=0 go install

FROM gcr.io/distroless/static-debian12
WORKDIR /src/cmd/app
COPY --from=build /go/bin/app /usr/local/bin/app
COPY --from=build /src/cmd/app/templates /src/cmd/app/templates
CMD ["app"]
