FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
RUN microdnf install -y shadow-utils && \
    chage --maxdays -1 root && \
    microdnf remove -y shadow-utils && \
    microdnf clean all
RUN microdnf install -y java-17-openjdk-headless && microdnf clean all
WORKDIR /opt/app
COPY target/app.jar app.jar
CMD ["java", "-jar", "app.jar"]
