FROM registry.access.redhat.com/ubi9/ubi-minimal
RUN microdnf install -y java-21-openjdk-headless \
    && microdnf clean all
CMD ["java", "-version"]
