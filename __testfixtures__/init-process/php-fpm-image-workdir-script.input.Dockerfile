FROM php:8.3-fpm
# php-fpm's WORKDIR is /var/www/html: the script lands there.
COPY docker/start.sh .
CMD ["/var/www/html/start.sh"]
