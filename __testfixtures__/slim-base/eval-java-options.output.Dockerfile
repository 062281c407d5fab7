FROM eclipse-temurin:21-jre
WORKDIR /app
COPY app.jar entrypoint.sh ./
ENTRYPOINT ["/app/entrypoint.sh"]
