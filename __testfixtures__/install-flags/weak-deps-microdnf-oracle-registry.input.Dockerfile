FROM container-registry.oracle.com/os/oraclelinux:8-slim
RUN microdnf install -y --nodocs \
        tar \
        gzip \
    && microdnf clean all
