FROM node:20-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends gettext-base \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
CMD ["sh", "-c", "envsubst < config.template.json > config.json && exec node server.js"]
