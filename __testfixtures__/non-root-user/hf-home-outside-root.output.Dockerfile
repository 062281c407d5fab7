FROM python:3.11-slim
WORKDIR /app
ENV HF_HOME=/models
RUN pip install --no-cache-dir "huggingface_hub[cli]" sentence-transformers fastapi uvicorn
RUN hf download sentence-transformers/all-MiniLM-L6-v2
RUN hf download BAAI/bge-small-en-v1.5 --local-dir /opt/bge
COPY app.py .
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]
