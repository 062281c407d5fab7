FROM golang:1.22-bookworm AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/server ./cmd/server

FROM gcr.io/distroless/static-debian12:nonroot
USER root
COPY --from=build /out/server /usr/local/bin/server
VOLUME /var/lib/server
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/server"]
