FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app && \
    mkdir -p /data && \
    chown 10001:10001 /data
USER 10001:10001
VOLUME /data
CMD ["python", "main.py"]
