FROM ubuntu:24.04 AS tools
RUN apt-get update && apt-get install -y gcc git && rm -rf /var/lib/apt/lists/*

FROM tools AS build
COPY hello.c /src/
RUN gcc -O2 -o /usr/local/bin/hello /src/hello.c && git clone https://github.com/example/data /data
