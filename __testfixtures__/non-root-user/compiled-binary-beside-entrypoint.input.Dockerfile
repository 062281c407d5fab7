FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/server .

FROM alpine:3.20
WORKDIR /app
COPY entrypoint.sh .
COPY --from=build /out/server .
ENTRYPOINT ["./entrypoint.sh"]
