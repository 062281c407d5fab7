FROM debian:stretch-slim
RUN apt-get update -y && \
    apt-get install -y python-pip && \
    pip install --no-cache-dir --upgrade pip && \
    rm -rf /var/lib/apt/lists/*
RUN pip install --no-cache-dir awscli
ENTRYPOINT ["aws"]
