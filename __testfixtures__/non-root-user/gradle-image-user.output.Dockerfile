FROM gradle:8.14-jdk21
WORKDIR /app
COPY . .
RUN gradle build --no-daemon
USER 1000:1000
CMD ["java", "-jar", "build/libs/app.jar"]
