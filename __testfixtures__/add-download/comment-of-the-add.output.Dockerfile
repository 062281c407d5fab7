FROM php:8.3-apache

# Get the release
# Extract it
RUN curl -fsSL -o /tmp/app.zip https://example.com/releases/app-1.2.zip \
	&& mkdir -p /tmp/app \
	&& unzip -q /tmp/app.zip -d /tmp/app/ \
	&& rm /tmp/app.zip
