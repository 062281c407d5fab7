# The jar mvn package wrote, copied in as it is.
FROM eclipse-temurin:21-jre
COPY target/*.jar /app/app.jar
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
