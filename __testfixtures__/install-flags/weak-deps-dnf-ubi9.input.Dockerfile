FROM registry.access.redhat.com/ubi9/ubi:9.4
RUN dnf install -y python3.11 python3.11-pip && \
    dnf clean all
USER 1001
CMD ["python3.11"]
