FROM registry.access.redhat.com/ubi9/ubi-minimal
RUN microdnf install -y java-21-openjdk-headless && microdnf clean all
COPY target/app.jar /deployments/app.jar
RUN microdnf install -y shadow-utils && \
    microdnf clean all && \
    groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/deployments/app.jar"]
