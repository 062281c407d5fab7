FROM fedora:40
RUN dnf install -y --setopt=install_weak_deps=0 make \
    && dnf install -y --setopt install_weak_deps=False gcc \
    && dnf install -y --setopt=install_weak_deps=True git \
    && microdnf install -y --setopt=install_weak_deps=1 tar \
    && dnf install -y --downloadonly --downloaddir=/tmp/rpms vim-enhanced \
    && if dnf install --assumeno nano; then echo nano is available; fi \
    && dnf install -y --setopt=tsflags=nodocs --nobest which \
    && dnf clean all
