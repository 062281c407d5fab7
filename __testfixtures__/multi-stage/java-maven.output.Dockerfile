FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /workdir/server
COPY pom.xml /workdir/server/pom.xml
RUN mvn dependency:go-offline

COPY src /workdir/server/src
RUN mvn --batch-mode clean package

FROM eclipse-temurin:21-jre-noble
WORKDIR /workdir/server
COPY --from=build /workdir/server/target/app.jar /workdir/server/target/app.jar

EXPOSE 8080
CMD ["java", "-jar", "target/app.jar"]
