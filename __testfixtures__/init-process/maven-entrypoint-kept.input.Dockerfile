FROM maven:3.9-eclipse-temurin-21
WORKDIR /usr/src/app
COPY . .
RUN mvn -B package -DskipTests
CMD java -jar target/app.jar && echo stopped
