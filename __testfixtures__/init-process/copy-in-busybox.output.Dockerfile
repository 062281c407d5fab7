FROM alpine:3.24 AS tini
RUN apk add --no-cache tini-static

FROM busybox:1.36
COPY --from=tini /sbin/tini-static /sbin/tini
COPY www /www
COPY start.sh /start.sh
ENTRYPOINT ["/sbin/tini", "--"]
CMD ["/start.sh"]
