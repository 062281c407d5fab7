FROM openjdk:17
RUN microdnf install -y fontconfig && microdnf clean all
COPY app.jar /app.jar
CMD ["java", "-jar", "/app.jar"]
