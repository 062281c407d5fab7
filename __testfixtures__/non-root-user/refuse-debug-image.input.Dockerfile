FROM debian:bookworm-slim AS builder
RUN apt-get update && apt-get install -y --no-install-recommends build-essential cmake flex bison libssl-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src/fluent-bit/build/
COPY . /src/fluent-bit/
RUN cmake -DFLB_RELEASE=On .. && make -j "$(getconf _NPROCESSORS_ONLN)" && install bin/fluent-bit /fluent-bit/bin/

FROM gcr.io/distroless/cc-debian12 AS production
COPY --from=builder /fluent-bit /fluent-bit
EXPOSE 2020
ENTRYPOINT ["/fluent-bit/bin/fluent-bit"]
CMD ["/fluent-bit/bin/fluent-bit", "-c", "/fluent-bit/etc/fluent-bit.conf"]

FROM debian:bookworm-slim AS debug
RUN apt-get update && \
    apt-get install -y --no-install-recommends \
    libssl3 ca-certificates libyaml-0-2 \
    bash gdb valgrind \
    tcpdump strace curl \
    && rm -rf /var/lib/apt/lists/*
COPY --from=builder /fluent-bit /fluent-bit
EXPOSE 2020

# No entry point so we can just shell in
CMD ["/fluent-bit/bin/fluent-bit", "-c", "/fluent-bit/etc/fluent-bit.conf"]
