FROM eclipse-temurin:21-jre
COPY target/app.jar /app/app.jar
EXPOSE 8080
CMD ["java", "-XX:MaxRAMPercentage=75.0", "-Djava.security.egd=file:/dev/./urandom", "-jar", "/app/app.jar"]
USER 65532
