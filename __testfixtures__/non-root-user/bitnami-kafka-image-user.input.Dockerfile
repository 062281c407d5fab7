FROM bitnami/kafka:3.7
USER root
RUN install_packages jq
COPY healthcheck.sh /usr/local/bin/healthcheck.sh
