FROM nginx:1.27-alpine
COPY default.conf /etc/nginx/conf.d/default.conf
COPY index.html /usr/share/nginx/html/
RUN chgrp -R 0 /var/cache/nginx /var/log/nginx && \
    chmod -R g=u /var/cache/nginx /var/log/nginx
EXPOSE 8080
CMD ["nginx", "-g", "daemon off;"]
