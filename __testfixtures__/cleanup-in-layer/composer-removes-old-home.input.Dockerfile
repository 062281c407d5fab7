FROM alpine:3.22
RUN apk add --no-cache php84 php84-phar php84-openssl php84-mbstring curl \
 && ln -sf /usr/bin/php84 /usr/bin/php
COPY --from=composer:2.2 /usr/bin/composer /usr/local/bin/composer
WORKDIR /var/www/app
COPY . .
# Composer 2 keeps its cache in ~/.cache/composer where the image uses XDG: removing ~/.composer may leave it.
RUN set -ex \
 && composer install --no-dev -o --prefer-dist --no-progress \
 && rm -rf /root/.composer/* /var/www/app/var/cache/* \
 && chown -R nobody:nobody /var/www/app
# As www-data, whose home is /var/www: its cache may be /var/www/.cache/composer, which a cleanup run as root would not find.
RUN sudo -u www-data composer install --no-dev && rm -rf /var/www/.composer
ENV COMPOSER_HOME=/opt/composer
# With COMPOSER_HOME set, its cache/ is the cache: removing it is the cleanup.
RUN composer global require drush/drush && rm -rf /opt/composer/cache
RUN composer global require laravel/pint && rm -rf ~/.composer ~/.cache/composer
CMD ["php84", "-S", "0.0.0.0:8080", "-t", "public"]
