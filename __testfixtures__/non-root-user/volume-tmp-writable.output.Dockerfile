FROM eclipse-temurin:21-jre
# Spring Boot's embedded Tomcat writes under /tmp, which every user may write to.
VOLUME /tmp
COPY target/app.jar /app.jar
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
ENTRYPOINT ["java", "-jar", "/app.jar"]
