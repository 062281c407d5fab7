FROM nginx:1.27-alpine
COPY default.conf.template /etc/nginx/templates/
RUN chown -R nginx:nginx /var/cache/nginx /etc/nginx/conf.d \
    && touch /var/run/nginx.pid && chown nginx:nginx /var/run/nginx.pid
ENV API_URL=http://api:3000
