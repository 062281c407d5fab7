FROM nginx:1.27-alpine
COPY site.conf /etc/nginx/conf.d/site.conf
RUN chown -R nginx:nginx /var/cache/nginx \
    && touch /var/run/nginx.pid && chown nginx:nginx /var/run/nginx.pid
EXPOSE 8080
