FROM python:3.11-slim
WORKDIR /app
COPY . .
CMD ["sh", "-c", "python migrate.py && exec python app.py"]
