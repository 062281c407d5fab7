FROM php:8.3-fpm-bookworm
COPY --from=composer:2 /usr/bin/composer /usr/bin/composer
WORKDIR /var/www/html
COPY . .
ARG APP_ENV=production
# Only the development branch clears the cache.
RUN if [ "$APP_ENV" = production ]; then \
        composer install --no-dev --optimize-autoloader; \
    else \
        composer install && composer clear-cache; \
    fi && \
    composer clear-cache
# Each branch clears up after its own install.
RUN if [ "$APP_ENV" = production ]; then \
        composer install --no-dev && composer clear-cache; \
    else \
        composer install && composer clear-cache; \
    fi
CMD ["php-fpm"]
