FROM nginx:1.27-alpine
COPY default.conf /etc/nginx/conf.d/default.conf
RUN chown -R nginx:nginx /var/cache/nginx
EXPOSE 8080
