FROM gradle:8.5-jdk21-alpine AS build
WORKDIR /home/gradle/project
COPY . .
RUN gradle build -x test --no-daemon

FROM eclipse-temurin:21-jre-alpine
WORKDIR /home/gradle/project
COPY --from=build /home/gradle/project/build/greeting-1.0.0-runner.jar /home/gradle/project/build/greeting-1.0.0-runner.jar
EXPOSE 8080
CMD ["java", "-jar", "build/greeting-1.0.0-runner.jar"]
