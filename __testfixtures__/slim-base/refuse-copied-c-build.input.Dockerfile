FROM python:3.12-bookworm AS build
ARG SAMTOOLS_VERSION=1.21
WORKDIR /src
RUN curl -fsSL "https://github.com/samtools/samtools/releases/download/${SAMTOOLS_VERSION}/samtools-${SAMTOOLS_VERSION}.tar.bz2" | tar -xj --strip-components=1 \
    && ./configure --prefix=/opt/samtools --without-curses \
    && make -j"$(nproc)" \
    && make install

FROM python:3.12-bookworm
COPY --from=build /opt/samtools /opt/samtools
ENV PATH=/opt/samtools/bin:$PATH
WORKDIR /data
CMD ["samtools", "--help"]
