FROM eclipse-temurin:latest
WORKDIR /opt/app
COPY build/libs/app.jar app.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "app.jar"]
