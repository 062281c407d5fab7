FROM python:3.12-slim
WORKDIR /app
COPY . .
CMD ["sh", "-c", "python migrate.py > migrate.log && exec python main.py"]
