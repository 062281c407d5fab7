FROM python:3.12-slim

RUN apt-get update \
    && apt-get install --yes --no-install-recommends libpq5 \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /srv/app
COPY --chown=www-data:www-data . .

CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]
