FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
RUN microdnf install --setopt=install_weak_deps=0 -y --nodocs \
        shadow-utils \
        tar \
        gzip \
    && microdnf clean all
