FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go install

FROM gcr.io/distroless/static-debian12
WORKDIR /src
COPY --from=build /go/bin/app /usr/local/bin/app
CMD ["app"]
