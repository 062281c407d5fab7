FROM composer:2
WORKDIR /app
COPY composer.json composer.lock ./
# The archives go to config.cache-files-dir; the rest of the cache stays in /tmp/cache (COMPOSER_HOME=/tmp).
RUN composer install --no-dev --no-scripts && rm -rf /tmp/composer-files && composer clear-cache
COPY . .
CMD ["php", "bin/console"]
