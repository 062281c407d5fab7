FROM python:3.12-slim

WORKDIR /opt/app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY --chown=www-data . .
USER 33:33

CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]
