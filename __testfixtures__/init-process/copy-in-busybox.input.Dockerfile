FROM busybox:1.36
COPY www /www
COPY start.sh /start.sh
CMD ["/start.sh"]
