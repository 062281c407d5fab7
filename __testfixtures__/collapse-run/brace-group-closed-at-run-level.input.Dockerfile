FROM php:8.2-apache
RUN { \
    echo 'memory_limit=256M'; \
    echo 'upload_max_filesize=50M'; \
} > /usr/local/etc/php/conf.d/espocrm.ini
RUN a2enmod rewrite
CMD ["apache2-foreground"]
