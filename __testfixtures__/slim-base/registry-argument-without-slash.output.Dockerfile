ARG DOCKER_REGISTRY=""
FROM ${DOCKER_REGISTRY}python:3.11-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
CMD ["python", "app.py"]
