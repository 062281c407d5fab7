FROM prom/node-exporter:v1.8.2
USER root
COPY --chown=65534:65534 textfile/ /var/lib/node_exporter/textfile/
RUN chown -R 65534:65534 /var/lib/node_exporter
USER 65534:65534
CMD ["--collector.textfile.directory=/var/lib/node_exporter/textfile"]
