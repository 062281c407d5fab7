FROM php:8.3-fpm-bookworm
COPY docker/shared/root /
ENTRYPOINT ["/docker/entrypoint.sh"]
COPY docker/nginx/root /
CMD ["php-fpm"]
