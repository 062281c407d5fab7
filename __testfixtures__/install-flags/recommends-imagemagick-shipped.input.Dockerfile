FROM php:8.2-apache
# imagick for the thumbnails of uploaded documents
RUN apt-get update && apt-get install -y libmagickwand-dev \
    && pecl install imagick \
    && docker-php-ext-enable imagick \
    && rm -rf /var/lib/apt/lists/*
COPY . /var/www/html/
