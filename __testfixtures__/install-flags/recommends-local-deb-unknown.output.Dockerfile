FROM buildpack-deps:bookworm-curl
ENV INFLUXDB_VERSION=1.11.8
RUN set -ex && \
    curl -fLO "https://dl.influxdata.com/influxdb/releases/influxdb_1.11.8-1_amd64.deb" && \
    apt-get update && \
    apt-get install --no-install-recommends -y ./influxdb_1.11.8-1_amd64.deb && \
    rm -rf ./influxdb_1.11.8-1_amd64.deb /var/lib/apt/lists/*
CMD ["influxd"]
