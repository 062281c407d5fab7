FROM fedora:40
RUN dnf install -y gcc && dnf clean all && dnf swap -y fedora-release-identity-basic fedora-release-identity-container && dnf clean all
