FROM eclipse-temurin:17-jre
WORKDIR /opt/app
ENV OR_WEBSERVER_LISTEN_PORT=8080 \
    OR_EMAIL_HOST=smtp.example.com \
    OR_EMAIL_PORT=587 \
    SMTP_PORT=25 \
    DB_PORT=5432
COPY build/manager.jar /opt/app/manager.jar
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/app/manager.jar"]
