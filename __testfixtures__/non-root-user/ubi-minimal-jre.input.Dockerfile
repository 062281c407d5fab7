FROM eclipse-temurin:21-jre-ubi9-minimal

WORKDIR /opt/app
COPY target/orders-service.jar /opt/app/app.jar

EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/app/app.jar"]
