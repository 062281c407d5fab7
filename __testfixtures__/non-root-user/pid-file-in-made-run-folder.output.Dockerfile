FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN mkdir -p /run/gunicorn
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app && \
    chown -R 10001:10001 /run/gunicorn
USER 10001:10001
EXPOSE 8000
CMD ["gunicorn", "wsgi:app", "--pid", "/run/gunicorn/gunicorn.pid", "--bind", "0.0.0.0:8000"]
