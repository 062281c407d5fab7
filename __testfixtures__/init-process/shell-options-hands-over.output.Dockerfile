FROM alpine:3.20
SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
RUN apk add --no-cache apache2 php83-apache2
WORKDIR /var/www/app
COPY . /var/www/app
ENTRYPOINT ["./entrypoint.sh"]
CMD ([ -z "$CRON_MIN" ] || crond -d 6) && \
	exec httpd -D FOREGROUND
