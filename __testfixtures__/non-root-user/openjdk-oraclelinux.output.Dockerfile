FROM openjdk:17
RUN microdnf install -y fontconfig && microdnf clean all
COPY app.jar /app.jar
RUN microdnf install -y shadow-utils && \
    microdnf clean all && \
    groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
CMD ["java", "-jar", "/app.jar"]
