FROM python:3.12-slim
ENV PYTHONUNBUFFERED=1
WORKDIR /app
# where the site keeps what users upload; the project ships the default avatars there
RUN mkdir -p /app/media
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . /app
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app && \
    chown -R 10001:10001 /app/media
USER 10001:10001
EXPOSE 8000
CMD ["gunicorn", "mysite.wsgi:application", "--bind", "0.0.0.0:8000"]
