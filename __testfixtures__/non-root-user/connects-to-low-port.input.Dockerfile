FROM eclipse-temurin:21-jre
WORKDIR /app
COPY target/app.jar app.jar
ENTRYPOINT ["java", "-Dmail.smtp.port=25", "-jar", "app.jar", "--smtp-port", "465", "--server.port=8080"]
