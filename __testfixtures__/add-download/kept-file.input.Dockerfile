FROM php:8.3-cli
ADD --chown=1000:1000 --chmod=640 https://raw.githubusercontent.com/mlocati/docker-php-extension-installer/2.2.2/install-php-extensions /usr/local/bin/
RUN chmod u+x /usr/local/bin/install-php-extensions \
    && install-php-extensions gd zip
