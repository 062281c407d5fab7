FROM node:20-slim
WORKDIR /opt/outline
COPY ./build ./build
COPY ./package.json ./yarn.lock ./
RUN apt-get update \
  && apt-get install -y wget \
  && rm -rf /var/lib/apt/lists/*
USER node
HEALTHCHECK --interval=1m CMD wget -qO- "http://localhost:${PORT:-3000}/_health" | grep -q "OK" || exit 1
EXPOSE 3000
CMD ["node", "build/server/index.js"]
