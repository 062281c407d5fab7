FROM --platform=${BUILDPLATFORM} golang:1.26-alpine AS build
ARG TARGETOS
ARG TARGETARCH
ENV CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH
WORKDIR /src
COPY . .
RUN go build -trimpath -o /usr/local/bin/operator .

FROM gcr.io/distroless/static-debian13
WORKDIR /src
COPY --from=build /usr/local/bin/operator /usr/local/bin/operator
ENTRYPOINT ["operator"]
