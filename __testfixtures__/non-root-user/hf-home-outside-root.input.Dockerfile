FROM python:3.11-slim
WORKDIR /app
ENV HF_HOME=/models
RUN pip install --no-cache-dir "huggingface_hub[cli]" sentence-transformers fastapi uvicorn
RUN hf download sentence-transformers/all-MiniLM-L6-v2
RUN hf download BAAI/bge-small-en-v1.5 --local-dir /opt/bge
COPY app.py .
CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]
