# A --setopt on one command is for that command only: the next install still takes weak dependencies.
FROM fedora:40
RUN dnf install -y --setopt="install_weak_deps=False" dnf-plugins-core && dnf clean all
RUN dnf install -y git && dnf clean all
