# gcc and libc6-dev are both musl-dev on Alpine: removing gcc there would take the C headers with it.
FROM python:3.12-slim

RUN apt-get update \
    && apt-get install -y --no-install-recommends gcc libc6-dev \
    && pip install --no-cache-dir psutil \
    && apt-get purge -y gcc \
    && rm -rf /var/lib/apt/lists/*

CMD ["python3", "-c", "import psutil"]
