FROM node:20
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN curl -fsSL https://example.com/config.json -o /etc/app.json
CMD ["node", "index.js"]
