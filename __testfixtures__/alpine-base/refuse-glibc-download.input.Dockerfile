FROM python:3.12-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl xz-utils \
    && curl -fsSLO https://nodejs.org/dist/v20.11.0/node-v20.11.0-linux-x64.tar.xz \
    && tar -xJf node-v20.11.0-linux-x64.tar.xz -C /usr/local --strip-components=1 \
    && rm -rf /var/lib/apt/lists/*
CMD ["python"]
