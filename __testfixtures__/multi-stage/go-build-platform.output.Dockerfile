FROM --platform=$BUILDPLATFORM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /usr/local/bin/api .

FROM --platform=$BUILDPLATFORM gcr.io/distroless/static-debian12
WORKDIR /src
COPY --from=build /usr/local/bin/api /usr/local/bin/api
EXPOSE 8080
CMD ["api"]
