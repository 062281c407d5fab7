FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /usr/src/app
COPY pom.xml .
COPY src ./src
RUN mvn -B package -DskipTests
COPY --from=registry.example.com/platform/config:2024.06 /etc/orders/ ./config/

FROM eclipse-temurin:17-jre-noble
WORKDIR /usr/src/app
COPY --from=build /usr/src/app/target/orders-1.4.2.jar /usr/src/app/target/orders-1.4.2.jar
COPY --from=build /usr/src/app/config /usr/src/app/config
ENTRYPOINT ["java", "-jar", "target/orders-1.4.2.jar", "--spring.config.location=file:./config/"]
