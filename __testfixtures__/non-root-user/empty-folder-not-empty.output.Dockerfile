FROM python:3.12-slim
WORKDIR /app
# media is in the project, static is copied in, the others are the build's or the system's
RUN mkdir -p /app/media /app/static /etc/myapp/conf.d /tmp/build /var/tmp/cache /srv/www/config
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY static/ /app/static/
COPY . /app
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app && \
    chown -R 10001:10001 /app/media
USER 10001:10001
CMD ["python", "app.py"]
