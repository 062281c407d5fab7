FROM python:3.14-slim
WORKDIR /app
COPY requirements.txt .
RUN uv pip install --no-cache-dir --system -r requirements.txt
CMD ["python", "-m", "app"]
