FROM python:3.12-slim
WORKDIR /app
COPY requirements-base.txt .
RUN pip install --no-cache-dir -r requirements-base.txt
COPY . .
RUN pip install --no-cache-dir -r requirements.txt
CMD ["python", "app.py"]
