FROM prom/prometheus:v1.8.2
COPY prometheus.yml /etc/prometheus/prometheus.yml
