FROM debian:bookworm AS toolchain
RUN apt-get update && apt-get install -y cmake g++ && rm -rf /var/lib/apt/lists/*

FROM toolchain
COPY . /src
RUN mkdir /build && cd /build && cmake /src && make -j4
