FROM quay.io/prometheus/prometheus:v3.5.0
USER root
COPY prometheus.yml /etc/prometheus/prometheus.yml
RUN mkdir -p /etc/prometheus/file_sd && chown -R nobody:nobody /etc/prometheus/file_sd
USER 65534:65534
EXPOSE 9090
CMD ["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus", "--storage.tsdb.retention.time=30d"]
