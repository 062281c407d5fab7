FROM python:3.12-slim
RUN apt-get update && apt-get install -y --no-install-recommends libcurl4t64 poppler-utils && rm -rf /var/lib/apt/lists/*
COPY app.py /app/
CMD ["python", "/app/app.py"]
