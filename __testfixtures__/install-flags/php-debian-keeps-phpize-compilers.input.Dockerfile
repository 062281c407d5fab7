FROM php:8.3-fpm
RUN apt-get update && apt-get install -y npm && rm -rf /var/lib/apt/lists/*
RUN pecl install redis && docker-php-ext-enable redis
