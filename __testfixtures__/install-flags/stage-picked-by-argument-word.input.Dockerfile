# Web server, one of: fpm, apache
ARG BASE="fpm"

# Extensions are compiled on a base of the same flavour, then copied
FROM php:8.3-fpm-alpine AS fpm-php-ext-base
RUN apk add --no-cache autoconf g++ make icu-dev

FROM php:8.3-apache-bookworm AS apache-php-ext-base
RUN apt-get update && \
    apt-get install -y libicu-dev libzip-dev

FROM ${BASE}-php-ext-base AS php-ext-intl
RUN docker-php-ext-install -j$(nproc) intl

FROM php:8.3-fpm-alpine AS fpm-base
RUN apk add --no-cache icu-libs fcgi

FROM php:8.3-apache-bookworm AS apache-base
RUN apt-get update && \
    apt-get install -y libicu72 unzip && \
    rm -rf /var/lib/apt/lists/*

FROM ${BASE}-base AS prod
COPY --from=php-ext-intl /usr/local/lib/php/extensions/ /usr/local/lib/php/extensions/
COPY . /var/www/html
