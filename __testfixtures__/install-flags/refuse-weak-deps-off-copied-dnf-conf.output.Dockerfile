FROM registry.access.redhat.com/ubi9/ubi:9.4
COPY dnf.conf /etc/dnf/
RUN dnf install -y nginx && dnf clean all
