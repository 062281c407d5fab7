FROM debian:bookworm
RUN apt-get update && apt-get install --no-install-recommends -y php-cli php-zip composer && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install --no-install-recommends -y composer && rm -rf /var/lib/apt/lists/*
RUN composer --version && composer dump-autoload
WORKDIR /app
RUN composer --no-interaction install
