FROM php:8.3-cli
WORKDIR /app
COPY . .
ENTRYPOINT ["/app/start.sh"]
