FROM golang:1.22 AS build
WORKDIR /src
COPY . .
WORKDIR /src/cmd/api
RUN CGO_ENABLED=0 go install

FROM gcr.io/distroless/static-debian12
WORKDIR /src/cmd/api
COPY --from=build /go/bin/api /usr/local/bin/api
CMD ["api"]
