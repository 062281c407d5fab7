FROM python:3.12-slim
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir --no-index --find-links=/app/wheels -r requirements.txt
CMD ["python", "app.py"]
