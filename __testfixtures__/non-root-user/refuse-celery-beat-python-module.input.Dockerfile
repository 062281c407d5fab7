FROM python:3.12-slim
ENV PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# the scheduler of the periodic tasks, run as a module of the image's Python
CMD ["python3", "-u", "-m", "celery", "-A", "proj", "beat", "--loglevel=info"]
