FROM maven:3.9.8-eclipse-temurin-21 AS build
WORKDIR /code
COPY pom.xml .
RUN mvn -B dependency:go-offline
COPY src src
RUN mvn -B package -DskipTests

FROM eclipse-temurin:21-jre-noble
WORKDIR /code
COPY --from=build /code/target/quarkus-app /code/target/quarkus-app
ENV LANGUAGE='en_US:en'
EXPOSE 8080
CMD ["java", "-Dquarkus.http.host=0.0.0.0", "-jar", "target/quarkus-app/quarkus-run.jar"]
