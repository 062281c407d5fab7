FROM eclipse-temurin:21-jre
WORKDIR /app
COPY target/app.jar app.jar
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
ENTRYPOINT ["java", "-Dmail.smtp.port=25", "-jar", "app.jar", "--smtp-port", "465", "--server.port=8080"]
