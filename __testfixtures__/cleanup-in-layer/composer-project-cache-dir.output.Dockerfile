FROM php:8.3-fpm-bookworm
COPY --from=composer:2 /usr/bin/composer /usr/bin/composer
WORKDIR /var/www/html
COPY composer.json composer.lock ./
# composer.json's config.cache-dir keeps the cache in the project: ~/.composer and ~/.cache/composer stay empty.
RUN composer install --no-dev --no-scripts --prefer-dist && rm -rf ~/.composer ~/.cache/composer && rm -rf /var/www/html/.composer-cache
COPY . .
CMD ["php-fpm"]
