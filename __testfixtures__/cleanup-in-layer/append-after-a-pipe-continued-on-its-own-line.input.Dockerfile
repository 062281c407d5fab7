FROM debian:12-slim
RUN apt-get update && \
    curl -fsSL https://deb.nodesource.com/setup_20.x \
    | bash - && \
    apt-get install -y --no-install-recommends nodejs
CMD ["node"]
