FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y python3-pip \
    && pip3 install --break-system-packages --upgrade "pip>=24" setuptools wheel \
    && rm -rf /var/lib/apt/lists/*
COPY app.py /app/app.py
CMD ["python3", "/app/app.py"]
