FROM golang:1.21-alpine AS build
RUN apk add --no-cache git ca-certificates
WORKDIR /go/src/app
COPY . .
RUN go mod download && CGO_ENABLED=0 go build -o /go/bin/app

FROM gcr.io/distroless/static-debian13
WORKDIR /go/src/app
COPY --from=build /go/bin/app /go/bin/app
USER nobody
EXPOSE 3000
CMD ["/go/bin/app"]
