FROM ubuntu:24.04 AS build-amd64
RUN apt-get update && apt-get install -y libjxl-dev && rm -rf /var/lib/apt/lists/*

FROM ubuntu:24.04 AS build-arm64
RUN apt-get update && apt-get install -y libjxl-dev && rm -rf /var/lib/apt/lists/*

FROM ubuntu:24.04 AS tools
RUN apt-get update && apt-get install -y make

FROM build-${TARGETARCH}
COPY app /app
ENTRYPOINT ["/app"]
