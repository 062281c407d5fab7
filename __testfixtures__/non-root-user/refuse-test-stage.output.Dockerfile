FROM ubuntu:jammy AS app

ARG SAMTOOLS_VER="1.21"

RUN apt-get update && apt-get install -y --no-install-recommends \
    samtools \
    ca-certificates \
    wget && \
    apt-get autoclean && rm -rf /var/lib/apt/lists/*

ENV LC_ALL=C

CMD ["samtools", "--help"]

WORKDIR /data

# testing layer starts here
FROM app AS test

RUN wget -q https://github.com/samtools/samtools/raw/develop/test/dat/view/1.sam && \
    samtools view -b 1.sam > 1.bam && \
    samtools index 1.bam

RUN samtools --version
