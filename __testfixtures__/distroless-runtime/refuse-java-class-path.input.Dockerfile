FROM gradle:8.7-jdk21 AS build
WORKDIR /home/gradle/src
COPY . .
RUN gradle installDist --no-daemon

FROM eclipse-temurin:21-jre
WORKDIR /app
COPY --from=build /home/gradle/src/build/install/app/lib /app/lib
CMD ["java", "-Xmx256m", "-cp", "/app/lib/*", "com.example.Main"]
