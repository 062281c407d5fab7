FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
# ubi-minimal has microdnf alone; the yum it installs is RHEL 9's, dnf's, which keeps no /var/cache/yum.
RUN microdnf install -y yum && microdnf clean all
RUN yum install -y tar procps-ng
