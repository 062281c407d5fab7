FROM python:3.12-alpine
WORKDIR /app
COPY . .
# USER root
CMD ["python3", "app.py"]
