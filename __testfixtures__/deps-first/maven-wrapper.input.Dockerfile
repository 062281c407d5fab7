FROM eclipse-temurin:17-jdk AS builder
WORKDIR /workdir/server
COPY . /workdir/server
RUN ./mvnw -B dependency:go-offline
RUN ./mvnw -B install

FROM eclipse-temurin:17-jre
COPY --from=builder /workdir/server/app/target/app.jar /app.jar
ENTRYPOINT ["java", "-jar", "/app.jar"]
