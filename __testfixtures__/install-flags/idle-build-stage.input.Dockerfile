FROM debian:12 AS tools
RUN apt-get update \
 && apt-get install -y xz-utils \
 && rm -rf /var/lib/apt/lists/*
COPY toolchain.tar.xz /tmp/
RUN mkdir /opt/toolchain && tar -xJf /tmp/toolchain.tar.xz -C /opt/toolchain

FROM debian:12
COPY --from=tools /opt/toolchain /opt/toolchain
CMD ["sleep", "infinity"]
