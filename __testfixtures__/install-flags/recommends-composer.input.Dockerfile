FROM debian:bookworm
RUN apt-get update && apt-get install -y php-cli composer && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY composer.json composer.lock ./
RUN composer install --no-dev --no-interaction
