FROM python:3.12-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates gcc make \
    && curl -fsSL https://download.redis.io/releases/redis-7.2.4.tar.gz -o /tmp/redis.tar.gz \
    && tar -xzf /tmp/redis.tar.gz -C /tmp \
    && make -C /tmp/redis-7.2.4 install \
    && rm -rf /tmp/redis* /var/lib/apt/lists/*
CMD ["python", "-m", "http.server"]
