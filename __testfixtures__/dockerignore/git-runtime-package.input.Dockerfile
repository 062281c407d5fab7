FROM php:8.3-fpm-alpine
WORKDIR /var/www/html
COPY --from=composer:2 /usr/bin/composer /usr/bin/composer
COPY . .
RUN composer install --no-dev --optimize-autoloader
RUN apk add --no-cache git openssh-client rsync curl jq \
    && git config --global user.email "hi@example.com" \
    && git config --global user.name "app"
CMD ["php-fpm"]
