FROM php:8.3-fpm-bookworm
ARG APP_ENV=prod
RUN apt-get update \
    && apt-get install --no-install-recommends -y git unzip libzip-dev \
    && docker-php-ext-install zip pdo_mysql \
    && rm -rf /var/lib/apt/lists/*
RUN if [ "$APP_ENV" = "dev" ]; then pecl install xdebug && docker-php-ext-enable xdebug; fi
WORKDIR /var/www/html
