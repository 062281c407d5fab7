FROM eclipse-temurin:17-jdk AS builder
WORKDIR /workdir/server
COPY mvnw pom.xml /workdir/server/
COPY app/pom.xml /workdir/server/app/
COPY .mvn /workdir/server/.mvn/
RUN ./mvnw -B dependency:go-offline
COPY . /workdir/server
RUN ./mvnw -B install

FROM eclipse-temurin:17-jre
COPY --from=builder /workdir/server/app/target/app.jar /app.jar
ENTRYPOINT ["java", "-jar", "/app.jar"]
