FROM eclipse-temurin:21-jre-ubi9-minimal

WORKDIR /opt/app
COPY target/orders-service.jar /opt/app/app.jar
RUN microdnf install -y shadow-utils && \
    microdnf clean all && \
    groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001

EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/app/app.jar"]
