FROM maven:3.9-eclipse-temurin-21
WORKDIR /workdir/server
COPY backend/pom.xml pom.xml
RUN mvn dependency:go-offline
COPY backend/src src
RUN mvn --batch-mode clean package
EXPOSE 8080
CMD ["java", "-jar", "target/app.jar"]
