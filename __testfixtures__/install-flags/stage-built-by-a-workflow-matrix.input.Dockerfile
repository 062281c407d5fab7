FROM ubuntu:22.04 AS build
RUN apt-get update && apt-get install -y build-essential cmake
COPY . /src
RUN cmake -S /src -B /build && cmake --build /build

FROM ubuntu:22.04 AS base
RUN apt-get update && apt-get install -y libgomp1 && rm -rf /var/lib/apt/lists/*

FROM base AS full
COPY --from=build /build/bin /app
RUN apt-get update && apt-get install -y python3 && rm -rf /var/lib/apt/lists/*
ENTRYPOINT ["/app/tool"]

FROM base AS server
COPY --from=build /build/bin/server /app/server
ENTRYPOINT ["/app/server"]
