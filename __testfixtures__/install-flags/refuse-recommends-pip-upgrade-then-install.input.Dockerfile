FROM debian:stretch-slim
RUN apt-get update -y && \
    apt-get install -y python-pip && \
    pip install --upgrade pip && \
    rm -rf /var/lib/apt/lists/*
RUN pip install awscli
ENTRYPOINT ["aws"]
