FROM python:3.11-slim
# Models are downloaded from the Hugging Face Hub on first use
ENV HF_HOME=/data \
    HF_HUB_ENABLE_HF_TRANSFER=1 \
    PYTHONUNBUFFERED=1
WORKDIR /usr/src/app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app .
ENTRYPOINT ["python", "main.py"]
