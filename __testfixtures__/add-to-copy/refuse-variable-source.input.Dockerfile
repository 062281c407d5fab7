FROM eclipse-temurin:17-jre
ARG JAR_FILE=target/*.jar
ADD ${JAR_FILE} /app.jar
ADD $CONFIG_DIR/application.yml /config/
ENTRYPOINT ["java", "-jar", "/app.jar"]
