FROM nginx:1.27-alpine
COPY default.conf /etc/nginx/conf.d/default.conf
RUN addgroup -g 1001 -S appgroup && \
    adduser -u 1001 -S appuser -G appgroup && \
    chown -R appuser:appgroup /var/cache/nginx && \
    touch /var/run/nginx.pid && \
    chown -R appuser:appgroup /var/run/nginx.pid
EXPOSE 8080
CMD ["nginx", "-g", "daemon off;"]
