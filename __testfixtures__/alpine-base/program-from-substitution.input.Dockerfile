FROM eclipse-temurin:21-jre
WORKDIR /app
COPY app.jar start.sh ./
CMD ["/app/start.sh"]
