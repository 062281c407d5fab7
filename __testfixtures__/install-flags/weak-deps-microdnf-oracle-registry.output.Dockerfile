FROM container-registry.oracle.com/os/oraclelinux:8-slim
RUN microdnf install --setopt=install_weak_deps=0 -y --nodocs \
        tar \
        gzip \
    && microdnf clean all
