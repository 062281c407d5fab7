FROM nginx:1.25
COPY default.conf.template /etc/nginx/templates/
CMD nginx -g "daemon off;"
