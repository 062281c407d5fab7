FROM registry.access.redhat.com/ubi9/ubi:9.4
RUN INSTALL_PKGS="python3.11 python3.11-devel gcc" && \
    dnf install -y --setopt=tsflags=nodocs python3.11-pip $INSTALL_PKGS && \
    dnf clean all
RUN python3.11 -m pip install --no-cache-dir uvicorn
