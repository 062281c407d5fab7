FROM python:3.12-slim
WORKDIR /app
RUN mkdir -p /app/media
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
# the site's code and media come from the release image
COPY --from=ghcr.io/example/site-release:1.4 /srv/site /app
EXPOSE 8000
CMD ["gunicorn", "mysite.wsgi:application", "--bind", "0.0.0.0:8000"]
