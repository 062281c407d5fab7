FROM fedora:40
RUN dnf -y --setopt=tsflags=nodocs install --setopt=install_weak_deps=False git make gcc && \
    dnf clean all
WORKDIR /src
