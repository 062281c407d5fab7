FROM php:8.3-apache-bookworm
COPY moodle-entrypoint /usr/local/bin/moodle-entrypoint
ENTRYPOINT ["moodle-entrypoint"]
CMD ["apache2-foreground"]
