FROM --platform=${BUILDPLATFORM} golang:1.26-alpine
ARG TARGETOS
ARG TARGETARCH
ENV CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH
WORKDIR /src
COPY . .
RUN go build -trimpath -o /usr/local/bin/operator .
ENTRYPOINT ["operator"]
