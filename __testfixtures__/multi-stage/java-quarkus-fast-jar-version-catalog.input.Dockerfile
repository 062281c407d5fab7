FROM gradle:8.8-jdk21
WORKDIR /home/gradle/project
COPY . .
RUN gradle build -x test --no-daemon
EXPOSE 8080
CMD ["java", "-jar", "build/quarkus-app/quarkus-run.jar"]
