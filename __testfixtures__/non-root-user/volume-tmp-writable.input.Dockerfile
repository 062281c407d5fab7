FROM eclipse-temurin:21-jre
# Spring Boot's embedded Tomcat writes under /tmp, which every user may write to.
VOLUME /tmp
COPY target/app.jar /app.jar
ENTRYPOINT ["java", "-jar", "/app.jar"]
