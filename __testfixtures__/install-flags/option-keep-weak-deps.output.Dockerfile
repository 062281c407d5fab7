FROM fedora:40
RUN dnf install -y git && dnf clean all
FROM opensuse/leap:15.6
RUN zypper -n in curl && zypper clean -a
