FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
COPY src ./src
RUN mvn -B package -DskipTests

FROM eclipse-temurin:21-jre-alpine
COPY --from=build /src/target/catalog.jar /app/app.jar
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
