FROM python:3.12
ARG GRPC_HEALTH_PROBE_VERSION=v0.4.24
ADD "https://github.com/grpc-ecosystem/grpc-health-probe/releases/download/${GRPC_HEALTH_PROBE_VERSION}/grpc_health_probe-linux-amd64.tar.gz" /tmp/
RUN tar -xzf /tmp/grpc_health_probe-linux-amd64.tar.gz -C /usr/local/bin \
    && rm /tmp/grpc_health_probe-linux-amd64.tar.gz
