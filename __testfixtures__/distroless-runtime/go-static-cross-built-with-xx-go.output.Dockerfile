FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.9.0 AS xx
FROM --platform=$BUILDPLATFORM golang:1.22-bookworm AS build
COPY --from=xx / /
ENV CGO_ENABLED=0
WORKDIR /src
COPY . .
ARG TARGETPLATFORM
RUN xx-go build -o /out/app ./cmd/app && xx-verify --static /out/app

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/app /usr/local/bin/app
USER 65532
ENTRYPOINT ["app"]
