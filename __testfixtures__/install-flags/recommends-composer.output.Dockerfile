FROM debian:bookworm
RUN apt-get update && apt-get install --no-install-recommends -y php-cli composer unzip && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY composer.json composer.lock ./
RUN composer install --no-dev --no-interaction
