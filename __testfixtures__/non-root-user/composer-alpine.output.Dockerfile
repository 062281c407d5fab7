FROM composer:2
WORKDIR /app
COPY composer.json composer.lock ./
RUN composer install --no-dev --no-interaction
COPY . .
RUN addgroup -S -g 10001 app && adduser -S -D -u 10001 -G app app
USER 10001:10001
EXPOSE 8080
CMD ["php", "-S", "0.0.0.0:8080", "-t", "public"]
