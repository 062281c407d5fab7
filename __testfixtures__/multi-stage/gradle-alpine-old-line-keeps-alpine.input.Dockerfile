FROM gradle:8.5-jdk21-alpine
WORKDIR /home/gradle/project
COPY . .
RUN gradle build -x test --no-daemon
EXPOSE 8080
CMD ["java", "-jar", "build/greeting-1.0.0-runner.jar"]
