FROM composer:2
WORKDIR /app
COPY composer.json composer.lock ./
RUN composer install --no-dev --no-interaction
COPY . .
EXPOSE 8080
CMD ["php", "-S", "0.0.0.0:8080", "-t", "public"]
