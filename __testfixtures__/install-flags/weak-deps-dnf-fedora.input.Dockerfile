FROM fedora:40
RUN dnf -y --setopt=tsflags=nodocs install git make gcc && \
    dnf clean all
WORKDIR /src
