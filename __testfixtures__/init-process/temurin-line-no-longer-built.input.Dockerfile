FROM eclipse-temurin:19-jre
COPY target/app.jar /app.jar
CMD java $JAVA_OPTS -jar /app.jar
