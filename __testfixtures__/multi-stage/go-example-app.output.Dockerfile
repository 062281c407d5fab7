FROM golang:1.19 AS build

RUN apt-get update
RUN apt-get install -y curl

WORKDIR /go/src/hello
COPY . .
RUN CGO_ENABLED=0 go build -o /usr/local/bin/hello .

FROM gcr.io/distroless/static-debian12
WORKDIR /go/src/hello
COPY --from=build /usr/local/bin/hello /usr/local/bin/hello

EXPOSE 8080
CMD ["hello", "-addr", ":8080"]
