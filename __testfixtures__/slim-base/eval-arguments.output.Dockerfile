FROM eclipse-temurin:21-jre-jammy
WORKDIR /app
COPY app.jar entrypoint.sh ./
ENTRYPOINT ["/app/entrypoint.sh"]
CMD ["java", "-jar", "/app/app.jar"]
