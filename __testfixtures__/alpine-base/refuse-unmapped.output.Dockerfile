FROM python:3.12-slim
RUN apt-get update && apt-get install -y --no-install-recommends libfrobnicate1 && rm -rf /var/lib/apt/lists/*
CMD ["python"]
