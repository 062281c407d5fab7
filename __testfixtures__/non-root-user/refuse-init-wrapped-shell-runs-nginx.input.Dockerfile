FROM nginx:1.27-alpine
RUN apk add --no-cache openssl tini
COPY default.conf.template /etc/nginx/templates/
# The config is filled in at start, then nginx runs behind tini.
ENTRYPOINT ["/sbin/tini", "--", "/bin/sh", "-c", "envsubst < /etc/nginx/templates/default.conf.template > /etc/nginx/conf.d/default.conf && nginx -g 'daemon off;'"]
