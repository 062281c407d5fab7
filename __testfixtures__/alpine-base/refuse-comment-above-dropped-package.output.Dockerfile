FROM node:20-bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        # so that the app can print accented names
        locales \
        curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
CMD ["node", "index.js"]
