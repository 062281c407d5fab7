FROM maven:3.9.8-eclipse-temurin-21 AS build
WORKDIR /code
COPY pom.xml .
RUN mvn -B dependency:go-offline
COPY src src
RUN mvn -B package -DskipTests

FROM eclipse-temurin:21-jre-noble
WORKDIR /code
COPY --from=build /code/target/quarkus-app /code/target/quarkus-app
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
ENV LANGUAGE='en_US:en'
EXPOSE 8080
CMD ["java", "-Dquarkus.http.host=0.0.0.0", "-jar", "target/quarkus-app/quarkus-run.jar"]
