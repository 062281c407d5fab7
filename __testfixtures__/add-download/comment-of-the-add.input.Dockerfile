FROM php:8.3-apache

# Get the release
ADD https://example.com/releases/app-1.2.zip /tmp/app.zip

# Extract it
RUN mkdir -p /tmp/app \
	&& unzip -q /tmp/app.zip -d /tmp/app/ \
	&& rm /tmp/app.zip
