FROM fedora:40
RUN dnf -y upgrade && dnf -y install git make gcc && dnf clean all
