FROM python:3.12-slim

# match the host developer's uid for bind mounts
RUN usermod -u 1000 www-data && groupmod -g 1000 www-data

WORKDIR /srv/app
COPY --chown=www-data:www-data . .
USER www-data

CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]
