FROM gradle:8.8-jdk21
WORKDIR /home/gradle/project
COPY . .
RUN gradle build -x test --no-daemon
CMD ["java", "-jar", "build/greeting-1.0.0-runner.jar"]
