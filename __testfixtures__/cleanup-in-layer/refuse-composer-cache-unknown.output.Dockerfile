FROM php:8.3-apache-bookworm
COPY --from=composer:2 /usr/bin/composer /usr/local/bin/composer
WORKDIR /var/www/html
COPY . .
RUN COMPOSER_HOME=/opt/composer composer global require drush/drush
RUN sudo -u www-data composer install --no-dev
ENV COMPOSER_CACHE_DIR=/tmp/composer-cache
RUN --mount=type=cache,target=/tmp/composer-cache composer install --no-dev
RUN composer install --no-dev && rm -f /usr/local/bin/composer
RUN (cd /var/www/html/tools && composer install --no-dev)
CMD ["apache2-foreground"]
