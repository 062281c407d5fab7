FROM node:20-slim AS app
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev
COPY . .
CMD ["node", "-r", "dotenv/config", "index.js"]

FROM python:3.12-slim AS docs
RUN pip install --no-cache-dir mkdocs
COPY docs /docs/docs
WORKDIR /docs
CMD ["mkdocs", "serve", "-a", "0.0.0.0:8000"]
