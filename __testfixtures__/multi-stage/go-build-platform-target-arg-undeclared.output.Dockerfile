FROM --platform=$BUILDPLATFORM golang:1.26 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 GOARCH=$TARGETARCH go build -o /usr/local/bin/operator .

FROM --platform=$BUILDPLATFORM gcr.io/distroless/static-debian13
WORKDIR /src
COPY --from=build /usr/local/bin/operator /usr/local/bin/operator
ENTRYPOINT ["operator"]
