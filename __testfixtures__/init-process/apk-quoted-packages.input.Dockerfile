FROM python:3.12.10-alpine

RUN apk add --no-cache \
    "libpq" \
    "libxslt" \
    "xmlsec"

RUN apk add --no-cache nss-tools bash curl uuidgen ncdu vim && \
    pip install --no-cache-dir supervisor && \
    mkdir -p /etc/supervisor/conf.d

COPY start.sh /app/start.sh
COPY supervisor.conf /etc/supervisor/conf.d/supervisor.conf

EXPOSE 80 443

CMD ["/app/start.sh"]
