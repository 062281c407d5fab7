FROM php:8.2-fpm
WORKDIR /var/www
COPY . .
RUN composer install --no-scripts --no-interaction

# RUN chmod -R 777 storage bootstrap/cache

RUN php artisan route:clear

RUN php artisan cache:clear

RUN php artisan optimize:clear

CMD ["php-fpm"]
