FROM php:8.3-fpm
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
# php-fpm's WORKDIR is /var/www/html: the script lands there.
COPY docker/start.sh .
ENTRYPOINT ["/usr/bin/tini", "--", "docker-php-entrypoint"]
CMD ["/var/www/html/start.sh"]
