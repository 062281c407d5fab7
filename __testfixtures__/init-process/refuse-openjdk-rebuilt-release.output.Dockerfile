FROM openjdk:8u212-jre-slim
COPY target/app.jar /app.jar
EXPOSE 8080
CMD java $JAVA_OPTS -jar /app.jar
