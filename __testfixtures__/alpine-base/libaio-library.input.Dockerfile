FROM python:3.13-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libaio1t64 \
 && rm -rf /var/lib/apt/lists/*
COPY app.py /app/app.py
CMD ["python", "/app/app.py"]
