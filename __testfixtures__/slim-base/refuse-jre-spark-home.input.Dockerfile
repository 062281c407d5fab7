FROM eclipse-temurin:17-jammy

ARG spark_uid=185
RUN groupadd --system --gid=${spark_uid} spark && \
    useradd --system --uid=${spark_uid} --gid=spark -d /nonexistent spark

RUN set -ex; \
    apt-get update; \
    apt-get install -y --no-install-recommends tini procps; \
    rm -rf /var/lib/apt/lists/*

# The distribution: jars, bin and sbin under /opt/spark
COPY spark /opt/spark
COPY entrypoint.sh /opt/

ENV SPARK_HOME=/opt/spark
WORKDIR /opt/spark/work-dir
USER spark
ENTRYPOINT ["/opt/entrypoint.sh"]
