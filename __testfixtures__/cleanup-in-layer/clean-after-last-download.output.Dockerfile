FROM fedora:40
RUN dnf install -y gcc && dnf clean all && dnf swap -y fedora-release-identity-basic fedora-release-identity-container && dnf clean all
RUN yum install -y make && yum clean all && yum group install -y "Development Tools" && yum clean all
RUN dnf -y install git && dnf clean all && dnf -C list installed
