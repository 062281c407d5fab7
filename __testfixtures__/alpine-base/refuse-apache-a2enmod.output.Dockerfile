FROM python:3.12-slim
RUN apt-get update && apt-get install -y --no-install-recommends apache2 && a2enmod rewrite headers && rm -rf /var/lib/apt/lists/*
CMD ["apachectl", "-D", "FOREGROUND"]
