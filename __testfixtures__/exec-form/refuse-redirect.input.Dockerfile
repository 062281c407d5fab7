FROM nginx:1.27-alpine
COPY nginx.conf /etc/nginx/nginx.conf
CMD nginx -g 'daemon off;' > /var/log/nginx/stdout.log
