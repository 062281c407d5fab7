FROM golang:1.23 AS build
WORKDIR /src
COPY . .
RUN git config --global --add safe.directory /src \
    && VERSION="$(git describe --tags --always)" \
    && go build -ldflags "-X main.version=${VERSION}" -o /bin/app .

FROM gcr.io/distroless/static-debian12
COPY --from=build /bin/app /app
ENTRYPOINT ["/app"]
