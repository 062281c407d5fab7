FROM gradle:8.7-jdk21 AS build
WORKDIR /home/gradle/src
COPY . .
RUN gradle installDist --no-daemon

FROM gcr.io/distroless/java21-debian13
WORKDIR /app
COPY --from=build /home/gradle/src/build/install/app/lib /app/lib
CMD ["-Xmx256m", "/app/lib/app.jar"]
