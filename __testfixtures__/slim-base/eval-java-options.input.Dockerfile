FROM eclipse-temurin:21-jdk
WORKDIR /app
COPY app.jar entrypoint.sh ./
ENTRYPOINT ["/app/entrypoint.sh"]
