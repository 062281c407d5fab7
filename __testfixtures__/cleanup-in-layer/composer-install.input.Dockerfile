FROM composer:2 AS vendor
WORKDIR /app
COPY composer.json composer.lock ./
# A stage that does not ship keeps its cache: nothing to clean there.
RUN composer install --no-dev --no-scripts --prefer-dist

FROM php:8.3-fpm-bookworm
COPY --from=composer:2 /usr/bin/composer /usr/bin/composer
WORKDIR /var/www/html
COPY composer.json composer.lock ./
RUN composer install --no-dev --optimize-autoloader --no-interaction
RUN COMPOSER_ALLOW_SUPERUSER=1 /usr/bin/composer global require laravel/installer
# Given --no-cache, Composer fills no cache; one already removed (both folders that may hold it) needs nothing more.
RUN composer require --no-cache predis/predis
RUN composer update --no-dev && rm -rf /root/.composer/cache /root/.cache/composer
COPY --from=vendor /app/vendor ./vendor
CMD ["php-fpm"]
