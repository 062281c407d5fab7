FROM golang:1.19-alpine AS build
WORKDIR /src
COPY . .
RUN go build -o /out/svc .

FROM alpine:3.20
COPY --from=build /out/svc /usr/local/bin/svc
ENTRYPOINT ["svc"]
