FROM python:3.12-slim
WORKDIR /app
ONBUILD COPY . /app/
CMD ["python", "app.py"]
