# syntax=docker/dockerfile:1
FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
RUN <<EOT
microdnf install -y tar gzip
microdnf clean all
EOT
