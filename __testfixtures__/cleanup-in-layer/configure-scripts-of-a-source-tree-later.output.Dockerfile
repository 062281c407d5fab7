FROM ubuntu:22.04

RUN apt-get update && apt-get install -y --no-install-recommends build-essential perl zlib1g-dev && rm -rf /var/lib/apt/lists/*

ADD https://www.openssl.org/source/openssl-1.1.1w.tar.gz /opt/openssl-1.1.1w.tar.gz
RUN tar -C /opt -xzf /opt/openssl-1.1.1w.tar.gz
RUN cd /opt/openssl-1.1.1w && sh ./config --prefix=/usr/local zlib && make -j8 && make install

ADD https://github.com/unicode-org/icu/releases/download/release-68-2/icu4c-68_2-src.tgz /opt/icu4c-68_2-src.tgz
RUN tar -C /opt -xzf /opt/icu4c-68_2-src.tgz
RUN cd /opt/icu/source && ./runConfigureICU Linux --enable-static --disable-shared && make -j8 && make install

CMD ["bash"]
