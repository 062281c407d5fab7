# pip is named: what python3 only recommends is not needed for it.
FROM fedora:40
RUN dnf install -y python3.12 python3.12-pip && dnf clean all
RUN python3.12 -m pip install --no-cache-dir flask
FROM registry.access.redhat.com/ubi9/ubi:9.4
RUN dnf install -y python3 && dnf clean all
RUN dnf install -y python3-pip && dnf clean all && pip3 install --no-cache-dir requests
