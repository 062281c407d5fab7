FROM rockylinux:9
RUN dnf install -y --setopt=install_weak_deps=False dnf-plugins-core && \
    dnf config-manager --save --setopt=install_weak_deps=False && \
    dnf clean all
RUN yum install -y git && yum clean all
