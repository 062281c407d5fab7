FROM nginx:1.27-alpine

COPY nginx.conf /etc/nginx/nginx.conf
COPY dist/ /usr/share/nginx/html/

HEALTHCHECK --interval=30s CMD wget -qO- http://localhost/ || exit 1

CMD nginx -g 'daemon off;'
