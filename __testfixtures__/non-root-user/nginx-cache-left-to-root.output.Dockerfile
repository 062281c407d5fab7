FROM nginx:1.27-alpine
COPY default.conf /etc/nginx/conf.d/default.conf
RUN touch /var/run/nginx.pid && chown nginx:nginx /var/run/nginx.pid
EXPOSE 8080
