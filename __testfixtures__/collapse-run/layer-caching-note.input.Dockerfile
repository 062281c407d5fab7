FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
# Install requirements first to leverage Docker layer caching
RUN apt-get update
RUN apt-get install -y --no-install-recommends gcc
RUN pip install -r requirements.txt
COPY . .
CMD ["python", "app.py"]
