FROM python:3.12-slim
ENV PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# the scheduler of the periodic tasks; the workers are built from Dockerfile.worker
CMD ["celery", "-A", "proj", "beat", "--loglevel=info"]
