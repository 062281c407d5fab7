FROM gradle:8.8-jdk21 AS build
WORKDIR /home/gradle/project
COPY . .
RUN gradle build -x test --no-daemon

FROM eclipse-temurin:21-jre
WORKDIR /home/gradle/project
COPY --from=build /home/gradle/project/build/quarkus-app /home/gradle/project/build/quarkus-app
EXPOSE 8080
CMD ["java", "-jar", "build/quarkus-app/quarkus-run.jar"]
