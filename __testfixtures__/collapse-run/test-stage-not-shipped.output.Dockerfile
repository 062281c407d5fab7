FROM ubuntu:jammy AS app
RUN apt-get update && apt-get install -y --no-install-recommends samtools wget ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && samtools --version > /opt/samtools.version
WORKDIR /data
CMD ["samtools", "--help"]

# testing layer: CI builds --target test; the image that ships is app
FROM app AS test
RUN wget -q https://github.com/samtools/samtools/raw/develop/test/dat/view/1.sam
RUN samtools view -b 1.sam > 1.bam && samtools index 1.bam
