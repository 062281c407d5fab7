FROM composer:2 AS vendor
WORKDIR /app
COPY . .
RUN composer install --no-dev --no-scripts --no-autoloader --ignore-platform-req ext-gd --prefer-install dist
RUN composer dump-autoload --optimize --no-dev

FROM php:8.3-apache
COPY --from=vendor /app /var/www/html
