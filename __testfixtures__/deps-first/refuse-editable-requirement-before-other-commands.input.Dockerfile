FROM python:3.12-slim
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir -r requirements.txt && useradd --system app
USER app
CMD ["python", "-m", "app"]
