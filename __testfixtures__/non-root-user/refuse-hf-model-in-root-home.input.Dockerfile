FROM python:3.11-slim
WORKDIR /app
RUN pip install --no-cache-dir "huggingface_hub[cli]" sentence-transformers fastapi uvicorn
# Bake the embedding model into the image
RUN huggingface-cli download sentence-transformers/all-MiniLM-L6-v2
COPY app.py .
CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]
