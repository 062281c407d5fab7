FROM python:3.12-alpine
RUN apk add --no-cache supervisor
WORKDIR /app
COPY supervisord.conf /etc/supervisor/conf.d/supervisord.conf
CMD ["/usr/bin/supervisord", "-c", "/etc/supervisor/conf.d/supervisord.conf"]
