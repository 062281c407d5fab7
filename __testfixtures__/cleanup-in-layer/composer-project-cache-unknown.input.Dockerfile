FROM php:8.3-cli-bookworm
COPY --from=composer:2 /usr/bin/composer /usr/bin/composer
WORKDIR /srv/api
COPY composer.json composer.lock ./
# {$home} is Composer's home, ~/.composer or ~/.config/composer: dockshift cannot tell the folder, but
# `composer clear-cache` in the same folder reads the same composer.json, and an rm of ~/.composer is not enough.
RUN composer install --no-dev --no-scripts && rm -rf ~/.composer
# Here it would run in another folder, with no composer.json to read.
RUN composer install --no-dev --no-scripts --working-dir=/srv/api && cd /
COPY . .
CMD ["php", "-S", "0.0.0.0:8080", "-t", "public"]
