FROM sbtscala/scala-sbt:eclipse-temurin-17.0.10_7_1.9.9_3.4.0 AS build
WORKDIR /app
COPY . .
RUN sbt clean assembly

FROM eclipse-temurin:17-jre
COPY --from=build /app/target/scala-3.4.0/app.jar /app.jar
CMD ["java", "-jar", "/app.jar"]
