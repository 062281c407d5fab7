FROM golang:1.22 AS build
WORKDIR /src
COPY server/ ./
RUN CGO_ENABLED=0 go build -o /out/web .

FROM gcr.io/distroless/static-debian12
WORKDIR /src
COPY --from=build /out/web /out/web
COPY --from=build /src/templates /src/templates
CMD ["/out/web"]
