FROM python:3.12-alpine
RUN adduser -D -S -H -s /bin/sh -u 1001 -G root app
COPY app.sh /app.sh
USER 1001
CMD ["/app.sh"]
