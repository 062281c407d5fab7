FROM --platform=$BUILDPLATFORM golang:1.26
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 GOARCH=$TARGETARCH go build -o /usr/local/bin/operator .
ENTRYPOINT ["operator"]
