FROM registry.access.redhat.com/ubi8/ubi-minimal:8.1
# microdnf 3.0.1 takes --setopt=tsflags=nodocs alone: install_weak_deps came with 3.4.0 (RHEL 8.3).
RUN microdnf install -y --nodocs tar gzip shadow-utils \
    && microdnf clean all
USER 1001
