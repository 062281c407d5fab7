FROM python:3.12-slim
RUN echo 'Acquire::Retries "3";' | tee /etc/apt/apt.conf.d/80-retries
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
CMD ["python", "-m", "http.server"]
