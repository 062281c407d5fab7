FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -q package -DskipTests

FROM eclipse-temurin:21-jre-alpine
COPY --from=build /src/target/app.jar /app.jar
CMD ["java", "-jar", "/app.jar"]
