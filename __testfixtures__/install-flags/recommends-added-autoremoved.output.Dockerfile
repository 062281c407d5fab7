FROM debian:bookworm-slim
COPY . /usr/src/pgtool
RUN apt-get update \
    && apt-get install --no-install-recommends -y gcc make libpq-dev libc6-dev \
    && make -C /usr/src/pgtool \
    && make -C /usr/src/pgtool install \
    && apt-get purge -y --auto-remove gcc make \
    && rm -rf /var/lib/apt/lists/* /usr/src/pgtool
CMD ["pgtool"]
