FROM golang:1.22 AS build
WORKDIR /src
COPY main.go main.go
RUN CGO_ENABLED=0 go build -o /out/server main.go

FROM debian:bookworm-slim AS base
COPY --from=build /out/server /usr/local/bin/server

FROM base AS sagemaker
ENTRYPOINT ["server", "--sagemaker"]

FROM base
ENTRYPOINT ["server"]
