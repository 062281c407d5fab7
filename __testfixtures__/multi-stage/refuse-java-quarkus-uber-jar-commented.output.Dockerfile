FROM maven:3.9.8-eclipse-temurin-21
WORKDIR /code
COPY . .
RUN mvn -B package -DskipTests
EXPOSE 8080
CMD ["java", "-jar", "target/greeting-1.0.0-SNAPSHOT-runner.jar"]
