FROM php:8.4-fpm-alpine AS base
    USER root
    RUN apk add --no-cache bash sqlite && \
        install-php-extensions exif && \
        install-php-extensions gd
