FROM eclipse-temurin:21-jdk-jammy
WORKDIR /app
COPY app.jar entrypoint.sh ./
ENTRYPOINT ["/app/entrypoint.sh"]
CMD ["java", "-jar", "/app/app.jar"]
