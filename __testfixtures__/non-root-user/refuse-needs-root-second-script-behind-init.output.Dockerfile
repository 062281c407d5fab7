# An init starts the entrypoint, which hands over to a second script, which is not read: it may start Apache.
FROM php:8-apache
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
COPY docker/entrypoint.sh /entrypoint.sh
COPY docker/web.sh /web.sh
ENTRYPOINT ["tini", "--", "/entrypoint.sh"]
