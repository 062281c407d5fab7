FROM registry.example.com/toolchains/jdk:21
WORKDIR /src
COPY . .
RUN mkdir -p /root/.gradle && ./gradlew --no-daemon bootJar
CMD ["java", "-jar", "/src/build/libs/app.jar"]
