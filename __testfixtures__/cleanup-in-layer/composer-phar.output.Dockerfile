FROM php:8.2-apache-bookworm
WORKDIR /var/www/html
COPY . .
# The installer writes composer.phar into the working folder.
RUN curl -sS https://getcomposer.org/installer | php \
    && php composer.phar install --no-dev --optimize-autoloader \
    && php composer.phar clear-cache
RUN php -d memory_limit=-1 /usr/local/bin/composer.phar global require laravel/installer && php -d memory_limit=-1 /usr/local/bin/composer.phar clear-cache
RUN ./composer.phar update --no-dev && ./composer.phar clear-cache
# Already cleared, and a PHP script that is not Composer.
RUN php composer.phar install --no-dev && php composer.phar clear-cache
RUN php artisan install
CMD ["apache2-foreground"]
