FROM python:3.11-slim
WORKDIR /app
RUN pip install --no-cache-dir transformers torch fastapi uvicorn
RUN python -c "from transformers import AutoModel, AutoTokenizer; AutoModel.from_pretrained('distilbert-base-uncased'); AutoTokenizer.from_pretrained('distilbert-base-uncased')"
COPY app.py .
CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]
