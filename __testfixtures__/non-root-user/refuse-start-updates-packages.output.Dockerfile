FROM python:3.11-slim
WORKDIR /app
COPY . .
CMD ["sh", "-c", "apt-get update && python app.py"]
