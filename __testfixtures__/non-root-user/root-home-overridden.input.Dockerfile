FROM python:3.12-slim
ENV HOME=/root
WORKDIR /app
COPY . .
ENV HOME=/home/app
CMD ["python", "/app/main.py"]
