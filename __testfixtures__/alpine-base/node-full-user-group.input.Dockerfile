FROM node:20
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates locales && apt-get clean && rm -rf /var/lib/apt/lists/*
RUN useradd -u 1001 -s /bin/sh worker
WORKDIR /app
COPY . .
CMD ["node", "index.js"]
