FROM eclipse-temurin:17-jdk
WORKDIR /app
COPY app.jar app.jar
HEALTHCHECK --interval=30s CMD jcmd 1 VM.uptime || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
