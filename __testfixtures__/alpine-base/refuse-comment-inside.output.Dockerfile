FROM python:3.12-slim
RUN apt-get update \
# curl for the healthcheck
    && apt-get install -y curl \
    && rm -rf /var/lib/apt/lists/*
CMD ["python"]
