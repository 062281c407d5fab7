FROM --platform=$BUILDPLATFORM golang:1.23-alpine AS build
ARG TARGETOS TARGETARCH
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/tool .

FROM scratch AS binaries-unix
COPY --from=build /out/tool /tool

FROM binaries-unix AS binaries-linux
FROM binaries-unix AS binaries-darwin

FROM scratch AS binaries-windows
COPY --from=build /out/tool /tool.exe

FROM binaries-$TARGETOS AS binaries

FROM binaries
