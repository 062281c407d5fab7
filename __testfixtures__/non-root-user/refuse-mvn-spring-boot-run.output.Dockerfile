FROM maven:3.9-eclipse-temurin-21
WORKDIR /workdir/server
COPY pom.xml .
RUN mvn dependency:go-offline
COPY src ./src
CMD ["mvn", "-B", "spring-boot:run"]
