FROM golang:1.23 AS build
WORKDIR /app
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ENV GIN_MODE=release
RUN CGO_ENABLED=0 go build -o /app/bin/server ./cmd/server

FROM gcr.io/distroless/static-debian12
WORKDIR /app
ENV GIN_MODE=release
COPY --from=build /app/bin/server /app/bin/server
COPY --from=build /app/templates /app/templates
COPY --from=build /app/assets /app/assets
EXPOSE 8080
CMD ["/app/bin/server"]
