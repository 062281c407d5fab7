FROM python:3.12-slim
ENV APP_HOME=/srv/app
WORKDIR $APP_HOME
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN mkdir -p $APP_HOME/thumbnails
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app && \
    chown -R 10001:10001 /srv/app/thumbnails
USER 10001:10001
CMD ["gunicorn", "wsgi:app", "--bind", "0.0.0.0:8000"]
