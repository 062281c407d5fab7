FROM prom/blackbox-exporter:v0.25.0
COPY blackbox.yml /etc/blackbox_exporter/config.yml
