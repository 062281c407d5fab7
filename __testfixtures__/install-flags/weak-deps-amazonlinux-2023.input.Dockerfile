FROM amazonlinux:2023
RUN dnf install -y shadow-utils tar gzip && \
    yum install -y procps-ng && \
    dnf clean all
