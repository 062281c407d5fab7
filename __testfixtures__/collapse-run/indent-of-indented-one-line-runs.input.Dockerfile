FROM php:8.4-fpm-alpine AS base
    USER root
    RUN apk add --no-cache bash sqlite
    RUN install-php-extensions exif
    RUN install-php-extensions gd
