# nginx's /docker-entrypoint.sh ends in exec "$@": the shell of the CMD is what stays PID 1.
FROM nginx:1.27-alpine
COPY default.conf.template /etc/nginx/default.conf.template
CMD ["sh", "-c", "envsubst '$PORT' < /etc/nginx/default.conf.template > /etc/nginx/conf.d/default.conf && nginx -g 'daemon off;'"]
