FROM node:20
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
RUN curl -fsSL https://example.com/config.json -o /etc/app.json
HEALTHCHECK CMD curl -f http://localhost:3000/ || exit 1
CMD ["node", "index.js"]
