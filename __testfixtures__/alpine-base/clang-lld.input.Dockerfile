FROM golang:1.26 AS build
RUN apt-get update && apt-get install -y clang lld
WORKDIR /src
COPY main.go .
RUN CGO_ENABLED=0 go build -o /out/app .

FROM scratch
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
