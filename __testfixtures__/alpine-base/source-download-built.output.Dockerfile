FROM python:3.12-alpine
RUN apk add --no-cache curl ca-certificates gcc musl-dev make \
    && curl -fsSL https://download.redis.io/releases/redis-7.2.4.tar.gz -o /tmp/redis.tar.gz \
    && tar -xzf /tmp/redis.tar.gz -C /tmp \
    && make -C /tmp/redis-7.2.4 install \
    && rm -rf /tmp/redis*
CMD ["python", "-m", "http.server"]
