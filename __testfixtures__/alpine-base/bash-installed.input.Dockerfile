FROM python:3.12-slim
RUN apt-get update && apt-get install -y --no-install-recommends bash && rm -rf /var/lib/apt/lists/*
COPY start.sh /start.sh
CMD ["bash", "/start.sh"]
