FROM gradle:8.8-jdk21 AS build
WORKDIR /home/gradle/project
COPY . .
RUN gradle build -x test --no-daemon

FROM eclipse-temurin:21-jre
WORKDIR /home/gradle/project
COPY --from=build /home/gradle/project/build/greeting-1.0.0-runner.jar /home/gradle/project/build/greeting-1.0.0-runner.jar
CMD ["java", "-jar", "build/greeting-1.0.0-runner.jar"]
