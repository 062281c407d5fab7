FROM amazonlinux:2023
RUN dnf install --setopt=install_weak_deps=False -y shadow-utils tar gzip && \
    yum install --setopt=install_weak_deps=False -y procps-ng && \
    dnf clean all
