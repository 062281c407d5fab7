FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
# Install requirements first to leverage Docker layer caching
RUN apt-get update && \
    apt-get install -y --no-install-recommends gcc && \
    pip install -r requirements.txt
COPY . .
CMD ["python", "app.py"]
