FROM python:3.12-slim
ARG MEDIA_ROOT=/srv/media
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN mkdir -p "$MEDIA_ROOT"
CMD ["gunicorn", "site.wsgi", "--bind", "0.0.0.0:8000"]
