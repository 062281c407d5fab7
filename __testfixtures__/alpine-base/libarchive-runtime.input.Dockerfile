FROM python:3.12-slim
RUN apt-get update && apt-get install -y --no-install-recommends libarchive13t64 libmagic1 && rm -rf /var/lib/apt/lists/*
COPY app.py /app/
CMD ["python", "/app/app.py"]
