FROM php:8.3-cli
RUN curl -fsSL -o /usr/local/bin/install-php-extensions https://raw.githubusercontent.com/mlocati/docker-php-extension-installer/2.2.2/install-php-extensions \
    && chown 1000:1000 /usr/local/bin/install-php-extensions \
    && chmod 640 /usr/local/bin/install-php-extensions \
    && chmod u+x /usr/local/bin/install-php-extensions \
    && install-php-extensions gd zip
