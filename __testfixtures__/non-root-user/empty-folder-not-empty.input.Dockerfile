FROM python:3.12-slim
WORKDIR /app
# media is in the project, static is copied in, the others are the build's or the system's
RUN mkdir -p /app/media /app/static /etc/myapp/conf.d /tmp/build /var/tmp/cache /srv/www/config
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY static/ /app/static/
COPY . /app
CMD ["python", "app.py"]
