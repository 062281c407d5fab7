FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /workdir
COPY pom.xml .
COPY src ./src
RUN mvn package -DskipTests

FROM gcr.io/distroless/java21-debian13
COPY --from=build /workdir/target/app.jar /app.jar
EXPOSE 8080
CMD ["/app.jar"]
