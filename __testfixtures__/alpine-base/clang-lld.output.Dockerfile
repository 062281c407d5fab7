FROM golang:1.26-alpine AS build
RUN apk add --no-cache clang lld
WORKDIR /src
COPY main.go .
RUN CGO_ENABLED=0 go build -o /out/app .

FROM scratch
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
