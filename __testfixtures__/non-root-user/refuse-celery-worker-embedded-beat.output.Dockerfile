FROM python:3.12-slim
ENV PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# one container runs the workers and the scheduler
CMD ["celery", "-A", "proj", "worker", "-B", "--loglevel=info"]
