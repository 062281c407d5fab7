FROM golang:1.23-alpine AS build
RUN apk add --no-cache git protobuf-dev
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /usr/local/bin/api .

FROM gcr.io/distroless/static-debian13
WORKDIR /src
COPY --from=build /usr/local/bin/api /usr/local/bin/api
EXPOSE 8080
CMD ["api"]
