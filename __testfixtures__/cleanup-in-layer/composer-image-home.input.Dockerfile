FROM composer:2
WORKDIR /app
COPY composer.json composer.lock ./
# The composer image sets COMPOSER_HOME=/tmp: its cache is /tmp/cache.
RUN composer install --no-dev --no-scripts && rm -rf /tmp/cache
RUN composer require --no-scripts monolog/monolog && rm -rf /root/.composer /root/.cache/composer
COPY . .
CMD ["php", "bin/console"]
