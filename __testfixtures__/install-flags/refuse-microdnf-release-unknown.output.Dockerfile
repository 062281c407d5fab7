# The tag names the image's own version, not the UBI 8 minor release it was built on.
FROM registry.access.redhat.com/ubi8/openjdk-17:1.14 AS jdk
USER root
RUN microdnf install -y fontconfig && microdnf clean all

FROM quay.io/example/rhel-base:2.3 AS vendor
RUN microdnf install -y tar

FROM registry.access.redhat.com/ubi8/ubi-minimal@sha256:0f2a1b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8 AS pinned
RUN microdnf install -y gzip

# A major release alone moves to each new minor release: the newest has microdnf 3.8.
FROM registry.access.redhat.com/ubi8/ubi-minimal:8
RUN microdnf install --setopt=install_weak_deps=0 -y tar
