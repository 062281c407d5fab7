FROM nginx:1.27
CMD exec -a nginx-main /usr/sbin/nginx -g 'daemon off;'
