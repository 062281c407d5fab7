FROM php:8.3-fpm-alpine
RUN apk add --no-cache libzip-dev unzip autoconf gcc musl-dev make \
    && docker-php-ext-install zip pdo_mysql \
    && pecl install redis \
    && docker-php-ext-enable redis
COPY --from=composer:2 /usr/bin/composer /usr/bin/composer
WORKDIR /var/www/html
COPY . .
RUN composer install --no-dev --optimize-autoloader
CMD ["php-fpm"]
