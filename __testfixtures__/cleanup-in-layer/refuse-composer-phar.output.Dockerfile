FROM php:8.2-apache-bookworm
WORKDIR /var/www/html
COPY . .
RUN curl -sS https://getcomposer.org/installer | php \
    && php composer.phar install --no-dev \
    && rm composer.phar
RUN php composer.phar install --no-dev && mv composer.phar /usr/local/bin/composer
RUN php composer.phar install --no-dev && cd public && ln -s ../storage storage
RUN COMPOSER_HOME=/opt/composer php composer.phar global require drush/drush
CMD ["apache2-foreground"]
