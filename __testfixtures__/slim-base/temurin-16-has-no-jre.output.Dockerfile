FROM eclipse-temurin:16-jdk
WORKDIR /opt/app
COPY build/libs/app.jar app.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "app.jar"]
