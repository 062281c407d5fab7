FROM alpine:3.24 AS tini
RUN apk add --no-cache tini-static

# nginx's /docker-entrypoint.sh ends in exec "$@": the shell of the CMD is what stays PID 1.
FROM nginx:1.27-alpine
COPY --from=tini /sbin/tini-static /sbin/tini
COPY default.conf.template /etc/nginx/default.conf.template
ENTRYPOINT ["/sbin/tini", "--", "/docker-entrypoint.sh"]
CMD ["sh", "-c", "envsubst '$PORT' < /etc/nginx/default.conf.template > /etc/nginx/conf.d/default.conf && nginx -g 'daemon off;'"]
