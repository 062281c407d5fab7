FROM node:22-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
COPY docker/start.sh /usr/local/bin/start.sh
USER 1000:1000
ENTRYPOINT ["tini", "-e", "143", "start.sh"]
CMD ["node", "server.js"]
