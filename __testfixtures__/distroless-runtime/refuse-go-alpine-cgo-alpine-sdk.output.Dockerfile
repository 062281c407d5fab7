FROM golang:1.22-alpine AS build
RUN apk add --no-cache alpine-sdk
WORKDIR /src
COPY . .
RUN go build -o /out/app .

FROM alpine:3.19
COPY --from=build /out/app /app
USER 65534
ENTRYPOINT ["/app"]
