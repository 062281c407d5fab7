# As Confluent's common-docker base (Dockerfile.ubi9): yum installed with microdnf is RHEL 9's, which is dnf.
FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4 AS ubi
RUN microdnf install -y yum \
    && yum install -y tar procps-ng \
    && yum clean all

# On an image dockshift does not know, which yum the package brings is not known: yum is left alone.
FROM quay.io/example/rhel-base:2.3
RUN microdnf install -y yum \
    && yum install -y tar \
    && yum clean all
