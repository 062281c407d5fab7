FROM alpine:3.20
SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
RUN apk add --no-cache apache2 php83-apache2 tini
WORKDIR /var/www/app
COPY . /var/www/app
ENTRYPOINT ["/sbin/tini", "--"]
CMD crond -d 6; httpd -D FOREGROUND
