FROM python:3.12-slim
WORKDIR /app
COPY data/ /var/lib/app/
RUN ./setup-accounts.sh
COPY --chown=www-data:www-data static/ /srv/static/
COPY app.py .
CMD ["python", "app.py"]
