FROM php:8.3-fpm-alpine
WORKDIR /var/www/html
COPY --chown=www-data:www-data . .
USER www-data
