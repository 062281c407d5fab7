FROM gradle:8.14-jdk21
WORKDIR /app
COPY . .
RUN gradle build --no-daemon
CMD ["java", "-jar", "build/libs/app.jar"]
