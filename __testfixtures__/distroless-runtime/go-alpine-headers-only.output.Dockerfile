FROM golang:1.23-alpine AS build
RUN apk add --no-cache musl-dev
WORKDIR /src
COPY . .
RUN go build -o /out/svc .

FROM gcr.io/distroless/static-debian13
COPY --from=build /out/svc /usr/local/bin/svc
USER 65534
ENTRYPOINT ["svc"]
