FROM python:3.12.10-alpine

RUN apk add --no-cache "libpq" libxslt xmlsec tini

COPY start.sh /app/start.sh
COPY supervisor.conf /etc/supervisor/conf.d/supervisor.conf

EXPOSE 80 443

ENTRYPOINT ["/sbin/tini", "--"]
CMD ["/app/start.sh"]
