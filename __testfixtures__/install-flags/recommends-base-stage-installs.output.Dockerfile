FROM ubuntu:24.04 AS base
RUN apt-get update && apt-get install --no-install-recommends -y ca-certificates && rm -rf /var/lib/apt/lists/*

FROM base AS tools
RUN apt-get update && apt-get install --no-install-recommends -y git && rm -rf /var/lib/apt/lists/*
RUN git clone https://github.com/example/data /data

FROM ubuntu:24.04
COPY --from=tools /data /data
CMD ["ls", "/data"]
