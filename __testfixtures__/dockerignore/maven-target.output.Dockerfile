FROM maven:3.9-eclipse-temurin-17 AS builder
WORKDIR /workdir/server
COPY . /workdir/server
RUN mvn -B package

FROM eclipse-temurin:17-jre
COPY --from=builder /workdir/server/target/app.jar /app.jar
ENTRYPOINT ["java", "-jar", "/app.jar"]
