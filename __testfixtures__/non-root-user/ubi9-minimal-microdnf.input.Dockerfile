FROM registry.access.redhat.com/ubi9/ubi-minimal
RUN microdnf install -y java-21-openjdk-headless && microdnf clean all
COPY target/app.jar /deployments/app.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/deployments/app.jar"]
