FROM nginx:1.27 AS web
ENTRYPOINT ["/docker-entrypoint.sh"]

FROM web
COPY site/ /usr/share/nginx/html/
CMD nginx -g 'daemon off;'
