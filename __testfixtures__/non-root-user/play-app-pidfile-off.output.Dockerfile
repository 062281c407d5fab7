FROM sbtscala/scala-sbt:eclipse-temurin-21.0.5_11_1.10.7_3.6.2 AS build
WORKDIR /src
COPY . .
RUN sbt stage

FROM eclipse-temurin:21-jre
WORKDIR /app
COPY --from=build /src/target/universal/stage /app
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
EXPOSE 9000
CMD ["/app/bin/play-scala-seed", "-Dpidfile.path=/dev/null"]
