FROM registry.access.redhat.com/ubi9/ubi-minimal
RUN microdnf install -y --nodocs shadow-utils tar gzip && microdnf clean all
USER 1001
