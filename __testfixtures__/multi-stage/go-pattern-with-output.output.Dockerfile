FROM golang:1.21 AS build
WORKDIR /usr/src/app
COPY go.mod go.sum ./
RUN go mod download && go mod verify
COPY . .
RUN CGO_ENABLED=0 go build -v -o /usr/local/bin/app ./...

FROM gcr.io/distroless/static-debian12
WORKDIR /usr/src/app
COPY --from=build /usr/local/bin/app /usr/local/bin/app
CMD ["app"]
