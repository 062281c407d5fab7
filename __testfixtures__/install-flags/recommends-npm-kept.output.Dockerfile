FROM debian:bookworm-slim
RUN apt-get update && apt-get install --no-install-recommends -y nodejs npm g++ make python3 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
CMD ["node", "index.js"]
