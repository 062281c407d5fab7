FROM php:8.3-fpm-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
COPY docker/shared/root /
ENTRYPOINT ["/usr/bin/tini", "--", "/docker/entrypoint.sh"]
COPY docker/nginx/root /
CMD ["php-fpm"]
