FROM python:3.12-slim
RUN apt-get update && \
    apt-get install -y --no-install-recommends curl gpg && \
    rm -rf /var/lib/apt/lists/*
COPY requirements.txt requirements.txt.asc signing-key.asc /tmp/
RUN gpg --batch --import /tmp/signing-key.asc && \
    gpg --batch --verify /tmp/requirements.txt.asc /tmp/requirements.txt && \
    pip install --no-cache-dir -r /tmp/requirements.txt
CMD ["python3", "-m", "http.server"]
