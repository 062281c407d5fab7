FROM golang:1.23 AS app-build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /bin/app .

FROM gcr.io/distroless/static-debian12 AS app
WORKDIR /src
COPY --from=app-build /bin/app /bin/app
CMD ["/bin/app"]
