FROM golang:1.22-bookworm AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app ./cmd/app

FROM scratch AS binary
COPY --from=build /out/app /app

FROM alpine:3.19
COPY --from=binary /app /usr/local/bin/app
USER 65532
ENTRYPOINT ["app"]
