FROM debian:bookworm AS toolchain
RUN apt-get update && apt-get install --no-install-recommends -y cmake g++ make && rm -rf /var/lib/apt/lists/*

FROM toolchain
COPY . /src
RUN mkdir /build && cd /build && cmake /src && make -j4
