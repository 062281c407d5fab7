FROM python:3.12-slim
WORKDIR /opt/app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN mkdir -p /opt/app/run
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app && \
    chown -R 10001:10001 /opt/app/run
USER 10001:10001
EXPOSE 8000
CMD ["gunicorn", "wsgi:app", "--pid", "/opt/app/run/gunicorn.pid", "--bind", "0.0.0.0:8000"]
