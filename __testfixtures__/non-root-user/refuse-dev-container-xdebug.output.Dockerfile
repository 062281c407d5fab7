FROM php:8.3-fpm-bookworm
RUN apt-get update \
    && apt-get install -y git unzip libzip-dev \
    && docker-php-ext-install zip pdo_mysql \
    && pecl install xdebug-3.3.2 \
    && docker-php-ext-enable xdebug \
    && rm -rf /var/lib/apt/lists/*
COPY docker/xdebug.ini /usr/local/etc/php/conf.d/xdebug.ini
WORKDIR /var/www/html
COPY . .
CMD ["php-fpm"]
