FROM prom/node-exporter:v1.8.2
USER root
COPY textfile/ /var/lib/node_exporter/textfile/
CMD ["--collector.textfile.directory=/var/lib/node_exporter/textfile"]
