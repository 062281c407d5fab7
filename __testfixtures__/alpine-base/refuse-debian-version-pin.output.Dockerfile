FROM python:3.12-slim
RUN apt-get update \
    && apt-get install --no-install-recommends -y git=1:2.* \
    && rm -rf /var/lib/apt/lists/*
COPY . /app
CMD ["python", "/app/main.py"]
