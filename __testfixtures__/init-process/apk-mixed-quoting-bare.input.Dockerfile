FROM python:3.12.10-alpine

RUN apk add --no-cache "libpq" libxslt xmlsec

COPY start.sh /app/start.sh
COPY supervisor.conf /etc/supervisor/conf.d/supervisor.conf

EXPOSE 80 443

CMD ["/app/start.sh"]
