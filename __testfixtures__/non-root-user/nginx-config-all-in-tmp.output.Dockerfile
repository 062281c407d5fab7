FROM nginx:1.27-alpine
COPY nginx.conf /etc/nginx/nginx.conf
COPY html /usr/share/nginx/html
USER 101:101
EXPOSE 8080
