FROM python:3.11-slim
# Models are downloaded from the Hugging Face Hub on first use
ENV HF_HOME=/data \
    HF_HUB_ENABLE_HF_TRANSFER=1 \
    PYTHONUNBUFFERED=1
WORKDIR /usr/src/app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app .
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app && \
    mkdir -p /data && \
    chown 10001:10001 /data
USER 10001:10001
ENTRYPOINT ["python", "main.py"]
