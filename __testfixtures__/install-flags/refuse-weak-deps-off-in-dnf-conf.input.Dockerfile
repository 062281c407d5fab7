FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4 AS base
RUN echo "install_weak_deps=0" >> /etc/dnf/dnf.conf

FROM base
RUN microdnf install -y java-17-openjdk-headless && microdnf clean all
