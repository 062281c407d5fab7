FROM python:3.12
RUN apt-get update \
    && apt-get install -y --no-install-recommends libsystemd-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY shipper.py .
CMD ["python", "shipper.py"]
