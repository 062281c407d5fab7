FROM nginx:1.27-alpine
COPY nginx.conf /etc/nginx/nginx.conf
RUN chown -R nginx:nginx /var/cache/nginx
EXPOSE 8080
