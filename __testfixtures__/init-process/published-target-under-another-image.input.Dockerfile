FROM node:20-bookworm-slim AS app
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev
COPY . .
CMD ["npm", "start"]

FROM app AS worker
CMD ["npm", "run", "worker"]
