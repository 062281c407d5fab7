FROM python:3.12-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm gosu \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt package.json package-lock.json ./
RUN pip install --no-cache-dir -r requirements.txt && npm ci
COPY . .
RUN npm run build
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]
