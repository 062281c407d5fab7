FROM python:3.11-slim
WORKDIR /app
RUN pip install --no-cache-dir transformers torch fastapi uvicorn
COPY model /models/bert
# Loading from a folder only checks that the copied model is complete
RUN python -c "from transformers import AutoModel; AutoModel.from_pretrained('/models/bert')"
COPY app.py .
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]
