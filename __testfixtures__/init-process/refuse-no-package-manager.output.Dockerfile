FROM busybox:1.36-musl
COPY run.sh /run.sh
CMD ["/run.sh"]
