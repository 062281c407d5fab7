FROM python:3.12-slim
RUN apt-get update && apt-get install -y --no-install-recommends bash && rm -rf /var/lib/apt/lists/*
RUN useradd -m -s /bin/bash app
USER app
CMD ["python", "-m", "http.server"]
