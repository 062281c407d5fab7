FROM alpine:3.20
SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
RUN apk add --no-cache apache2 php83-apache2
WORKDIR /var/www/app
COPY . /var/www/app
CMD crond -d 6; httpd -D FOREGROUND
